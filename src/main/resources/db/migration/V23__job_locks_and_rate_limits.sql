-- Timed jobs run once across all nodes: ShedLock's table (net.javacrumbs.shedlock, JDBC provider).
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);

-- The public pages' rate limit is one token bucket per client address shared by every node: Bucket4j's
-- PostgreSQL proxy manager keeps each bucket's state here (select … for update per request). expires_at
-- (epoch milliseconds) lets idle buckets be deleted.
create table rate_limit_bucket (
    id         varchar(64) primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expiry_idx on rate_limit_bucket (expires_at);
