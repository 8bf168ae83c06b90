-- pg_trgm (V10) has had no user since the trigram indexes gave way to character pairs (V16, V19) and the
-- directory to Lucene (V25): an extension nothing uses is one more thing an operator must install.
-- The statement fails, and says which, should anything still depend on it.
drop extension if exists pg_trgm;
