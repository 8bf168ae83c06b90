-- The regulators' institution search by name fragment, by character pairs as in the public directory (V13):
-- the spaced-name trigram index of V11 read the lists of single characters such as 医 and 疗, which nearly
-- every name holds (~200 ms for 医疗 in 杭州市). The spaced name stays for the LIKE that checks adjacency.
-- varchar[]: what Hibernate binds a String[] as (text[] @> varchar[] has no operator)
alter table institution add column name_grams varchar[]
    generated always as (name_grams(lower(name))::varchar[]) stored;
alter table institution alter column name_grams set statistics 1000;
create index institution_name_grams_idx on institution using gin (name_grams);
drop index institution_name_search_idx;
analyze institution;
