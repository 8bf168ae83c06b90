-- The name's character pairs for SQL search (V19) have no reader since the directory is searched by Lucene
-- (cn.meizhi.directory.DirectorySearch): the table and its GIN index were written on every rename for nothing.
drop table directory_name;
