--liquibase formatted sql

--changeset selfdata:erasure-1-saga
-- A citizen's erasure (art. 17) as a resumable saga: one row per request, one per step. The identifiers the
-- later steps need (citizen id, subject, the confirmation mail composed while the address existed) are kept
-- only until the saga is done, then emptied: what stays says that an erasure happened, not whose.
create table erasure (
    id              uuid         primary key,
    state           varchar(12)  not null check (state in ('RUNNING', 'DONE')),
    subject_hash    varchar(64),
    citizen_id      uuid,
    subject         varchar(255),
    confirmation    jsonb,
    requested_at    timestamptz  not null default now(),
    next_attempt_at timestamptz  not null default now(),
    finished_at     timestamptz,
    check (state = 'DONE' or (subject_hash is not null and citizen_id is not null and subject is not null)),
    check (state = 'RUNNING' or (subject_hash is null and citizen_id is null and subject is null and confirmation is null))
);
create unique index erasure_running_subject on erasure (subject_hash) where state = 'RUNNING';
create index erasure_due on erasure (next_attempt_at) where state = 'RUNNING';

create table erasure_step (
    erasure_id  uuid         not null references erasure (id),
    name        varchar(40)  not null,
    position    integer      not null,
    state       varchar(12)  not null check (state in ('PENDING', 'RUNNING', 'DONE', 'FAILED')),
    attempts    integer      not null default 0,
    last_error  varchar(500),
    started_at  timestamptz,
    finished_at timestamptz,
    primary key (erasure_id, name)
);
