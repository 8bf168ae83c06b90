-- Every write of a directory entry takes a new number from one sequence. Each portal process answers
-- directory queries from an in-memory copy of the entries; the copy keeps the highest-numbered version of
-- each entry (two transactions refreshing the same institution may reach the copy in either order: the
-- later write holds the row lock last and so draws the higher number), and a process notices changes made
-- by another process when the highest number or the count moves. Existing rows keep null (oldest).
create sequence directory_entry_version_seq;
alter table directory_entry add column version bigint;
