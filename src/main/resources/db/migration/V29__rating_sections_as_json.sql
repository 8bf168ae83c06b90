-- A rating's section results move from a packed text of our own (code:weight:earned:possible:percent;…)
-- to jsonb: an array of {"code", "weight", "earned", "possible", "percent"} objects, percent null when
-- the section does not count. Numbers keep their scale.
alter table rating add column sections_json jsonb;

update rating r
set sections_json = coalesce((
    select jsonb_agg(jsonb_build_object(
            'code', p[1],
            'weight', cast(nullif(p[2], '') as numeric),
            'earned', cast(nullif(p[3], '') as numeric),
            'possible', cast(nullif(p[4], '') as numeric),
            'percent', cast(nullif(p[5], '') as numeric)) order by s.ord)
    from unnest(string_to_array(r.sections, ';')) with ordinality as s(part, ord),
        lateral (select string_to_array(s.part, ':') as p) as parts), '[]'::jsonb)
where r.sections is not null;

alter table rating drop column sections;
alter table rating rename column sections_json to sections;
