-- Quality-control measures (issue 22), the clinic's feedback report: its percentile ranks are found by
-- width_bucket over each district's kept sorted values (MeasureDistrictStats.placesOf), twice for each of
-- twenty measures. Stored compressed (pglz, the default for arrays), each use decompressed the array
-- again: 1.5 ms of the statement's 1.6 ms for a district of 1,400 values, measured with pgbench. Stored
-- out of line but uncompressed, the same statement took 0.2-0.4 ms, for about 6 kB more per district,
-- period and measure (some 80 MB at 100,000 institutions).
alter table measure_district_stat alter column sorted_values set storage external;

-- the arrays already kept are written again uncompressed (an unchanged value would keep its compressed copy)
update measure_district_stat set sorted_values = array_cat(sorted_values, cast('{}' as double precision[]))
where sorted_values is not null;
