-- The audit trail lists a jurisdiction's entries newest first, filtered by actor, action, object or dates.
-- At two million entries, the list's query (optional filters written as "(:x is null or ...)", which no
-- index serves) and its count of every match took 1.1-1.6 s per page. The list now asks only the filters
-- given and counts up to 1,000; these indexes hold each filter's entries newest first, with the region
-- the jurisdiction is checked on, so a page and its count are read from an index alone.
drop index audit_event_occurred_idx;
create index audit_event_occurred_idx on audit_event (occurred_at desc, id desc) include (region_code);
create index audit_event_actor_idx on audit_event (actor, occurred_at desc, id desc) include (region_code);
create index audit_event_action_idx on audit_event (action, occurred_at desc, id desc) include (region_code);
