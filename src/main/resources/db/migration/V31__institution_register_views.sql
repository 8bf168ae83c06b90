-- The institution module's published face in SQL, for the public directory's read model: what the
-- register says publicly of each institution, and its departments. The directory reads these views, not
-- the register's tables, so the register may change its tables and keep the views (ModuleTablesTests).
-- Plain views: PostgreSQL inlines them, the plans are those of the tables.
create view register_institution as
select id, name, credit_code, type, region_code, status, created_at, updated_at
from institution;

create view register_department as
select institution_id, department
from institution_department;
