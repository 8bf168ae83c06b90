-- A rating change rewrote the whole directory entry: ~560 bytes, most of them the name's search columns,
-- and (no page having room for the new version) an entry in every index, the name's GIN index of
-- character pairs included. On a night when every rating expires that was most of the job.
-- The name's search columns move to a table of their own, written only when a name is new or changes;
-- the entries keep ~150 bytes and leave half of every page free, so a rating change updates the row in
-- place of its page (a heap-only tuple: no index is touched). 86,000 rating changes of the entries:
-- 1.77 s -> 0.36 s.
create table directory_name (
    institution_id bigint primary key references directory_entry (institution_id) on delete cascade,
    name varchar(200) not null,
    search_text text not null generated always as (regexp_replace(lower(name), '(.)', '\1 ', 'g')) stored,
    search_grams text[] not null generated always as (name_grams(lower(name))) stored
);
insert into directory_name (institution_id, name) select institution_id, name from directory_entry;
create index directory_name_grams_idx on directory_name using gin (search_grams);
alter table directory_name alter column search_grams set statistics 1000;

drop index directory_entry_grams_idx;
alter table directory_entry drop column search_grams, drop column search_text;
alter table directory_entry set (fillfactor = 50);
-- rewritten, so the existing rows lose the dropped columns and every page gets its free half
cluster directory_entry using directory_entry_pkey;
analyze directory_entry;
analyze directory_name;
