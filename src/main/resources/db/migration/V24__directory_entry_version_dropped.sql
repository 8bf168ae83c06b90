-- No node keeps a copy of the directory that needs version numbers to catch up (V17): each node's search
-- index follows the database through PostgreSQL notifications (cn.meizhi.directory.DirectorySearch).
alter table directory_entry drop column if exists version;
drop sequence if exists directory_entry_version_seq;
