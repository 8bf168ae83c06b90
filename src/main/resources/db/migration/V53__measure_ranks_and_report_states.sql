-- Quality-control measures at national scale (issue 22), continued.
-- 1. Each district's values of a measure in a period, sorted: an institution's percentile rank is found by
--    binary search in them (the clinic's feedback report) instead of counting the district's rows per view
--    (19 ms of the database's time per report for a district of 1,900 institutions). Written with the rest of
--    the row by MeasureDistrictStats.recompute; V54 writes them for the districts kept so far.
alter table measure_district_stat add column sorted_values double precision[];

-- 2. Every report of a period with its state, for the regulator's overview (how many institutions have
--    not started, drafted, submitted, were returned): an index-only scan of the period's reports joined to
--    the jurisdiction's institutions, instead of one heap visit per institution (0.86 s for 14,000).
create index measure_report_state_idx on measure_report (set_id, period, institution_id)
    include (status, id, submitted_at, revision);
