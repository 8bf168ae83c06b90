-- The cycle module's published face in SQL, for the public directory: the institutions enrolled (and not
-- withdrawn) in a cycle that is open or inspecting, i.e. awaiting a rating.
create view open_enrolment as
select e.institution_id
from enrolment e join evaluation_cycle c on c.id = e.cycle_id
where e.withdrawn_at is null and c.status in ('OPEN', 'INSPECTING');
