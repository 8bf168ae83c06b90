-- The regulator's institution register (/regulator/institutions) lists a page in name order. Without an index
-- in that order PostgreSQL found every match of a frequent name fragment (美容, 医院: thousands), sorted them
-- all and counted them all for each page (13.8 ms + 11.5 ms per page at 100,000 institutions). With it, a
-- page walks the names in order and stops after its rows; a rare fragment still starts from the name index.
create index institution_name_order_idx on institution (name, id);
