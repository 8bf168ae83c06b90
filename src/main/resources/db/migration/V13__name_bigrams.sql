-- Chinese name fragments by character pairs. The trigram index over the spaced name (V10) knows single
-- characters only, so a fragment such as 天使医疗 intersects the lists of 天, 使, 医 and 疗 — and 医 or 疗
-- are in nearly every one of 100,000 names (3-7 ms per search, 40-55 ms to count some). An array of every
-- character and every adjacent pair of characters of the lower-cased name, with a GIN index, finds the
-- rows holding all the fragment's pairs (天使, 使医, 医疗) through short lists (0.8 ms instead of 3.6 ms);
-- the LIKE on the spaced name then checks that the pairs stand together. A one-character fragment uses
-- the character itself. With statistics on the most common elements the planner knows when a fragment is
-- too common for the index (医疗, 美容) and walks the rank index instead. The trigram index goes: the
-- planner combined it with this one and read 100,000 entries for nothing.
create function name_grams(text) returns text[]
    language sql immutable strict parallel safe
    return (select coalesce(array_agg(distinct substr($1, g, w)), '{}')
            from generate_series(1, char_length($1)) g, (values (1), (2)) as width (w)
            where g + w - 1 <= char_length($1));

alter table directory_entry add column search_grams text[]
    generated always as (name_grams(lower(name))) stored;
alter table directory_entry alter column search_grams set statistics 1000;
create index directory_entry_grams_idx on directory_entry using gin (search_grams);
drop index directory_entry_search_idx;
analyze directory_entry;
