-- The regulators' institution search by name fragment: the same trick as directory_entry.search_text
-- (lower-cased, a space after every character) as a generated column with a trigram index, so that
-- two-character Chinese fragments are found through the index.
alter table institution add column name_search text
    generated always as (regexp_replace(lower(name), '(.)', '\1 ', 'g')) stored;
create index institution_name_search_idx on institution using gin (name_search gin_trgm_ops);
