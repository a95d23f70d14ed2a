--liquibase formatted sql

--changeset selfdata:connectors-1-framework
-- Per-city overrides of a connector template's default parameters, set by the city admin.
create table connector_config (
    template   varchar(60) primary key,
    enabled    boolean     not null default true,
    parameters jsonb       not null default '{}'::jsonb,
    updated_at timestamptz not null default now()
);

-- Records a connector could not take in, with why; never silently dropped. One row per failing
-- record of a source (a replayed file does not add its failures twice).
create table connector_dead_letter (
    id          bigint generated always as identity primary key,
    template    varchar(60)   not null,
    source      varchar(1000) not null,
    source_key  varchar(200)  not null,
    line_number bigint,
    record      text,
    reason      varchar(2000) not null,
    status      varchar(10)   not null default 'OPEN' check (status in ('OPEN', 'RETRIED', 'DISCARDED')),
    attempts    integer       not null default 1,
    failed_at   timestamptz   not null default now(),
    resolved_at timestamptz,
    constraint connector_dead_letter_once unique nulls not distinct (template, source_key, line_number)
);
create index connector_dead_letter_open on connector_dead_letter (template, status, id);

-- Idempotent consumer: a message (file, poll) whose key is here was fully processed.
create table connector_processed (
    template     varchar(60)  not null,
    message_key  varchar(300) not null,
    processed_at timestamptz  not null default now(),
    primary key (template, message_key)
);
