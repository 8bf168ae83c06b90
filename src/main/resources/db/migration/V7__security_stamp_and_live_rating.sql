-- A security stamp that changes whenever an admin changes an account (role, bindings, enabled,
-- password) or the user changes their password: sessions signed in with an older stamp end.
alter table user_account add column security_stamp varchar(36) not null default md5(random()::text);

-- At most one live rating per inspection, whatever two requests do at once.
create unique index rating_live_per_inspection_uk on rating (inspection_id)
    where status in ('PROPOSED', 'APPEALED', 'PUBLISHED', 'SUSPENDED');
