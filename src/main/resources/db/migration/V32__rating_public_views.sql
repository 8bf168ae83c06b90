-- The rating module's published face in SQL, for the public directory's read model: the ratings the
-- public may see (published at some point) with the facts a certificate states, and the public changes
-- of ratings and of the institutions' replies by instant (the change feed).
create view public_rating as
select id, institution_id, stars, status, certificate_no, valid_until, approved_at
from rating
where status in ('PUBLISHED', 'SUSPENDED', 'EXPIRED', 'REVOKED', 'SUPERSEDED');

create view public_rating_change as
select r.institution_id, t.occurred_at
from rating_transition t join rating r on r.id = t.rating_id
where t.to_status in ('PUBLISHED', 'SUPERSEDED', 'EXPIRED', 'SUSPENDED', 'REVOKED');

create view public_reply_change as
select r.institution_id, p.moderated_at
from rating_reply p join rating r on r.id = p.rating_id
where p.status in ('PUBLISHED', 'REPLACED');
