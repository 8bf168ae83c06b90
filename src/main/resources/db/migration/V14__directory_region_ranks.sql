-- A region + minimum-stars page, sorted by stars, walked the rank index and skipped every institution of
-- other regions (a district holds 1/60 of them: ~1,200 rows read for a page of 20, ~5,000 for page 4).
-- With the province and city as columns of their own, every region filter is an equality, and one index
-- per level in rank order serves the page (the first 20 entries) and its count (index-only, validity
-- included) alike. They replace the prefix index of V12.
alter table directory_entry add column province_code varchar(2) generated always as (left(region_code, 2)) stored;
alter table directory_entry add column city_code varchar(4) generated always as (left(region_code, 4)) stored;
create index directory_entry_district_rank_idx
    on directory_entry (region_code, certified_stars desc nulls last, name, institution_id) include (valid_until);
create index directory_entry_city_rank_idx
    on directory_entry (city_code, certified_stars desc nulls last, name, institution_id) include (valid_until);
create index directory_entry_province_rank_idx
    on directory_entry (province_code, certified_stars desc nulls last, name, institution_id) include (valid_until);
drop index directory_entry_filter_idx;
analyze directory_entry;
