-- Quality-control measures (issue 22), the district pages at national scale: each submitted value kept
-- again in the order the district pages read it. A period's reports of one district lie scattered over
-- measure_report's heap (2.4 million reports at 100,000 institutions), so reading a district's values cost
-- one heap page and one index probe per institution; here they are one range of a covering primary key,
-- read by an index-only scan. Kept in step with measure_value by the transaction that submits, corrects or
-- returns a report (MeasureDistrictStats.refresh), under the district's advisory lock, together with the
-- district's distribution (measure_district_stat) and each value's outlier flag, both decided by the one
-- Java rule (MeasureBenchmark) from these rows; V52 decides them for the values already submitted.
create table measure_district_value (
    set_id         bigint         not null references measure_set (id),
    period         varchar(7)     not null,
    region_code    varchar(6)     not null,
    measure_id     bigint         not null references quality_measure (id),
    institution_id bigint         not null,
    numerator      numeric(14, 3) not null,
    denominator    numeric(14, 3),
    value          numeric(16, 4),
    outlier        boolean        not null default false
);

-- the values already submitted, in key order, before the keys are built: at 20 million values, loading
-- into a table whose key is already there took ten minutes on two cores
insert into measure_district_value (set_id, period, region_code, measure_id, institution_id, numerator, denominator, value)
select r.set_id, r.period, r.region_code, v.measure_id, r.institution_id, v.numerator, v.denominator, v.value
from measure_report r join measure_value v on v.report_id = r.id
where r.status = 'SUBMITTED'
order by r.set_id, r.period, r.region_code, v.measure_id, r.institution_id;

alter table measure_district_value add constraint measure_district_value_pk
    primary key (set_id, period, region_code, measure_id, institution_id) include (numerator, denominator, value, outlier);
-- the outliers of a period across a district, city or province (region-code prefix)
create index measure_district_value_outlier_idx on measure_district_value (set_id, period, region_code text_pattern_ops)
    where outlier;

-- the quartiles as the Java rule computes them (doubles), so that a kept distribution and one computed from
-- the rows agree to the last digit
alter table measure_district_stat
    alter column q1 type double precision,
    alter column median type double precision,
    alter column q3 type double precision;
