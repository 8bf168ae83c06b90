-- rating_region_idx was never used: the regulators' queries ask for a jurisdiction as region_code LIKE
-- 'prefix%', which a plain b-tree index can serve only under the C collation (the embedded database and the
-- usual installations use C.UTF-8 or en_US.UTF-8; pg_stat_user_indexes showed 0 scans after the benchmark),
-- and they are answered through the status index anyway. Every rating change wrote an entry into it: on a
-- night when every rating expires, 86,000 of them.
drop index rating_region_idx;
