-- Each district's distribution of a measure in a period (issue 22's public pages): kept in step by the
-- transaction that submits, corrects or returns a report of the district (MeasureDistrictStats), so an
-- institution's profile reads its district's median with one primary-key lookup instead of aggregating
-- the district's values (a district of 1,700 institutions: 29,000 values) on every view.
create table measure_district_stat (
    set_id          bigint         not null references measure_set (id),
    period          varchar(7)     not null,
    region_code     varchar(6)     not null,
    measure_id      bigint         not null references quality_measure (id),
    institutions    integer        not null,
    q1              numeric(16, 4) not null,
    median          numeric(16, 4) not null,
    q3              numeric(16, 4) not null,
    numerator_sum   numeric(20, 3) not null,
    denominator_sum numeric(20, 3),
    primary key (set_id, period, region_code, measure_id)
);
