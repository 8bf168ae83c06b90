-- The regulator's dashboard (/regulator) at national scale: 0.8-1.0 s per view at 100,000 institutions, 4.5 s
-- at 16 connections, nearly all of it three statements reading whole wide tables for a jurisdiction's counts.
-- Each gets an index it can answer from alone (index-only scans; measured in docs/performance.md).

-- the star distribution of the jurisdiction's valid published ratings (RatingRegister.starDistribution): the
-- rating rows are ~860 bytes wide, so counting them read 14,000 heap pages (0.5 s cold)
create index rating_published_region_idx on rating (region_code text_pattern_ops)
    include (valid_until, stars, institution_id) where status = 'PUBLISHED';

-- institutions by status and open institutions by district within a region-code prefix
-- (InstitutionManagement.countByStatus, countOpenByRegion)
create index institution_region_status_idx on institution (region_code text_pattern_ops) include (status);

-- the few institutions whose licence is not active (asked by the one certificate rule when counting stars)
create index institution_not_active_idx on institution (id) include (status) where status <> 'ACTIVE';
