-- The directory's searches, filters and star counts are answered by the in-memory index
-- (cn.meizhi.directory.DirectoryIndex); SQL answers them only until it is loaded after start-up, or when
-- it is switched off. The four indexes that kept the entries in rank order for SQL were rewritten with every
-- rating change: on a night when every rating expires they doubled the time of updating the entries
-- (7.9 s -> 4.0 s for 90,000 of them). The name's pairs (GIN), the name order and the credit code stay
-- indexed: a rating change does not touch them.
drop index if exists directory_entry_rank_idx;
drop index if exists directory_entry_district_rank_idx;
drop index if exists directory_entry_city_rank_idx;
drop index if exists directory_entry_province_rank_idx;
