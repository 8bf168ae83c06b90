-- A complaint's finding may become a corrective action (issue 20): such an action comes from a complaint,
-- not an inspection's indicator, and the regulator who decided the complaint closes it. The complaint is
-- named by id and tracking number (no foreign key across modules).
alter table corrective_action alter column inspection_id drop not null;
alter table corrective_action alter column indicator_id drop not null;
alter table corrective_action add column complaint_id bigint;
alter table corrective_action add column complaint_number varchar(24);
alter table corrective_action add constraint corrective_action_source
    check ((inspection_id is not null and indicator_id is not null and complaint_id is null)
        or (inspection_id is null and indicator_id is null and complaint_id is not null));
create index corrective_action_complaint_idx on corrective_action (complaint_id) where complaint_id is not null;

-- the files a clinic attaches to its answer belong to the action; an action from a complaint has no inspection
alter table inspection_file alter column inspection_id drop not null;

alter table complaint drop constraint complaint_follow_up_check;
alter table complaint add constraint complaint_follow_up_check
    check (follow_up in ('NONE', 'UNANNOUNCED_INSPECTION', 'CORRECTIVE_ACTION'));
alter table complaint add column corrective_action_id bigint;
