-- Self-assessment against assessors (issue 23): what each owning module shows of its scores to the
-- analytics, as views (their public face in SQL, like V31-V33). Scores only; not-applicable and unscored
-- answers are left out.

-- selfassessment: the scores institutions gave themselves in a submitted self-assessment
create view claimed_score as
select sa.cycle_id, sa.institution_id, a.indicator_id, a.score
from self_assessment_answer a join self_assessment sa on sa.id = a.self_assessment_id
where sa.status = 'SUBMITTED' and not a.not_applicable and a.score is not null;

-- inspection: the scores of submitted inspections, with the assessor who gave each
create view assessed_score as
select i.cycle_id, i.institution_id, i.id as inspection_id, s.indicator_id, s.score, s.updated_by as assessor
from inspection_score s join inspection i on i.id = s.inspection_id
where i.status = 'SUBMITTED' and not s.not_applicable and s.score is not null;

-- standard: each indicator's scale and wording
create view indicator_scale as
select i.id as indicator_id, i.version_id, i.code, i.title, i.title_en, i.max_score, i.core, s.code as section_code,
       i.position
from indicator i join standard_section s on s.id = i.section_id;
