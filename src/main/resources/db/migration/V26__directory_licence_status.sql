-- Whether a certificate holds is decided by one rule in Java (CertificateCheck.Verdict.of), which needs the
-- institution's licence status: the read model keeps it, and no longer keeps a "certified stars" column
-- computed by a second rule in SQL (the search index derives it from the rule when it loads an entry).
alter table directory_entry add column licence_status varchar(16);
update directory_entry e set licence_status = i.status from institution i where i.id = e.institution_id;
alter table directory_entry alter column licence_status set not null;
drop index if exists directory_entry_rank_idx;
alter table directory_entry drop column certified_stars;
