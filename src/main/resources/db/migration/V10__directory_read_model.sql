-- The public directory's read model: one row per institution that is not closed, with what the public
-- sees of its current rating, kept up to date in the same transaction as every change to the institution
-- or its ratings (cn.meizhi.directory.DirectoryEntries). Searching it is one table and two indexes.
create extension if not exists pg_trgm;

create table directory_entry (
    institution_id  bigint       primary key references institution (id),
    name            varchar(200) not null,
    -- the lower-cased name with a space after every character: pg_trgm then indexes Chinese names by
    -- single characters, so that two-character fragments such as 美容 are found through the index too
    search_text     text         not null,
    credit_code     varchar(18)  not null,
    type            varchar(40)  not null,
    region_code     varchar(6)   not null,
    rating_status   varchar(16),
    stars           integer,
    certificate_no  varchar(40),
    valid_until     date,
    -- stars of a published rating (validity is checked when reading): the sort key
    certified_stars integer,
    refreshed_at    timestamptz  not null
);
create index directory_entry_search_idx on directory_entry using gin (search_text gin_trgm_ops);
create index directory_entry_rank_idx on directory_entry (certified_stars desc nulls last, name, institution_id);
create index directory_entry_name_idx on directory_entry (name, institution_id);
create index directory_entry_region_idx on directory_entry (region_code text_pattern_ops);
create index directory_entry_credit_code_idx on directory_entry (credit_code);

-- the current rating of an institution: its latest rating that was ever published
create index rating_current_idx on rating (institution_id, approved_at desc, id desc)
    where status in ('PUBLISHED', 'SUSPENDED', 'EXPIRED', 'REVOKED');
