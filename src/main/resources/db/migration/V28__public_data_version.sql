-- The version of what the public sees: one counter, raised in the transaction of every audited change
-- (so it becomes visible exactly when the change does) and carried to every node by the directory's
-- notification. Public pages and the open data derive their ETag from it: a browser or the balancer
-- revalidates, and gets 304 without a page being rendered while nothing changed.
create table public_data_version (
    id         smallint    primary key check (id = 1),
    version    bigint      not null,
    changed_at timestamptz not null
);

insert into public_data_version (id, version, changed_at) values (1, 1, now());
