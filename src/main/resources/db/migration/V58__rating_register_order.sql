-- The regulator's register of ratings lists a jurisdiction's ratings newest approval first, filtered by
-- district, status, stars or institution. Without an index in that order, every page sorted all of a
-- province's ratings and counted them all (seq scans: 223 ms and 155 ms at 143,000 ratings). These hold the
-- filtered columns, so a page's ids are read in order from an index alone and only its rows are fetched:
-- a city's or province's ratings in approval order, each district's, and each status's (a rare status,
-- such as the suspended ones, was otherwise looked for among all of them).
create index rating_register_idx on rating (approved_at desc nulls last, id desc)
    include (region_code, status, stars, institution_id);
create index rating_region_register_idx on rating (region_code, approved_at desc nulls last, id desc)
    include (status, stars, institution_id);
create index rating_status_register_idx on rating (status, approved_at desc nulls last, id desc)
    include (region_code, stars, institution_id);
