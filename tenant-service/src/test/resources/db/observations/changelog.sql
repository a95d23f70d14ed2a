--liquibase formatted sql

--changeset tests:observations-1
-- A test module's table about citizens, shaped like a real module's.
create table observation (
    id          bigint        generated always as identity primary key,
    citizen_id  uuid          not null references citizen (id),
    kind        varchar(40)   not null,
    value       numeric(12,3) not null,
    note        varchar(2000),
    observed_at timestamptz   not null default now()
);
create index observation_citizen on observation (citizen_id);
