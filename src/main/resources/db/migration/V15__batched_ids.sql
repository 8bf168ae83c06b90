-- Institutions and audit events take their ids from sequences in blocks of 50 (Hibernate's pooled
-- optimizer) instead of one identity value per INSERT: Hibernate can then send inserts in JDBC batches.
-- Importing 100,000 institutions wrote one institution, its departments and its audit event per round
-- trip before. The identity columns become plain sequences of the same name (Hibernate validates those);
-- rows inserted by SQL without an id still draw from them and never collide with Hibernate's blocks.
alter table institution alter column id drop identity;
create sequence institution_id_seq increment by 50 owned by institution.id;
select setval('institution_id_seq', coalesce((select max(id) from institution), 0) + 1, false);
alter table institution alter column id set default nextval('institution_id_seq');

alter table audit_event alter column id drop identity;
create sequence audit_event_id_seq increment by 50 owned by audit_event.id;
select setval('audit_event_id_seq', coalesce((select max(id) from audit_event), 0) + 1, false);
alter table audit_event alter column id set default nextval('audit_event_id_seq');

-- the clinics' notifications too: the nightly expiry job writes one per expired rating
alter table notification alter column id drop identity;
create sequence notification_id_seq increment by 50 owned by notification.id;
select setval('notification_id_seq', coalesce((select max(id) from notification), 0) + 1, false);
alter table notification alter column id set default nextval('notification_id_seq');
