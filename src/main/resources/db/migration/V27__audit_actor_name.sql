-- The audit trail names people: the display name of the account at the time of the action, kept with the
-- entry (an account renamed later does not rewrite history). Earlier entries keep only the user name.
alter table audit_event add column actor_name varchar(100);
