-- Indicator-level public results (issue 23): a finding's text stays private unless the regulator marks it
-- public; the result of each indicator (met / partly / not met) is public with the rating.
alter table inspection_score add column finding_public boolean not null default false;
