--liquibase formatted sql

--changeset selfdata:retention-1-settings
-- Retention periods the city admin shortened (a rule without a row keeps its module's default).
create table retention_setting (
    rule_id    varchar(60) primary key,
    days       integer     not null check (days >= 0),
    updated_at timestamptz not null
);

--changeset selfdata:retention-2-purge-log
-- The city's audit trail of purges: what each run removed, counted, never who.
create table retention_purge (
    id          bigint      generated always as identity primary key,
    rule_id     varchar(60) not null,
    category_id varchar(40) not null,
    ran_at      timestamptz not null,
    cutoff      timestamptz not null,
    records     bigint      not null,
    citizens    integer     not null
);
create index retention_purge_latest on retention_purge (rule_id, ran_at desc);

--changeset selfdata:retention-3-inactive-accounts
-- When an account inactive for the retention period was warned that it will be erased; a sign-in after it
-- (last_seen_at later) cancels the erasure.
alter table citizen add column inactivity_warned_at timestamptz;

--changeset selfdata:retention-4-purge-log-append-only splitStatements:false
-- The purge log is an audit trail: nothing changes or removes an entry (it names no citizen, so erasure has nothing to unlink).
create function retention_purge_guard() returns trigger language plpgsql as $$
begin
    raise exception 'the purge log is append-only' using errcode = 'P0001';
end
$$;
create trigger retention_purge_append_only before update or delete on retention_purge
    for each row execute function retention_purge_guard();
create trigger retention_purge_no_truncate before truncate on retention_purge
    for each statement execute function retention_purge_guard();
