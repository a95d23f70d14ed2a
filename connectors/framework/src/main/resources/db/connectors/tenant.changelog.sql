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

--changeset selfdata:connectors-2-typed-settings
-- Secrets of connector settings, sealed with the platform key (AES-GCM, bound to city, template and
-- name); never in connector_config, never in offboarding archives.
create table connector_secret (
    template   varchar(60) not null,
    name       varchar(40) not null,
    ciphertext bytea       not null,
    updated_at timestamptz not null default now(),
    primary key (template, name)
);
-- Settings became typed: folders are the platform's (below the city's folder), MQTT topics, client
-- ids and the broker are the platform's, SFTP host keys are checked. Drop the old free-text
-- parameters (an absolute path, a cleartext password) rather than keep them: the admin sets the
-- typed ones again; an SFTP connector that had a password stays off until then.
update connector_config set enabled = false where template = 'waste-weighings-sftp';
update connector_config set parameters = parameters - array['inbox', 'done', 'failed', 'workDirectory',
    'knownHostsFile', 'clientId', 'brokerUrl', 'topic', 'strictHostKeyChecking', 'password', 'pollDelayMs', 'periodMs'];

--changeset selfdata:connectors-3-health
-- Health of each connector of the city, written by whichever replica runs it (one statement per event,
-- counters added in place) and read by every replica, so all answer the same. No personal data: the
-- messages are stored with identifiers and e-mail addresses masked (HealthMessage); the failing
-- record itself is in connector_dead_letter. A row lives while the city wants the connector.
create table connector_health (
    template           varchar(60)   primary key,
    last_success       timestamptz,
    last_error         timestamptz,
    last_error_message varchar(2000),
    succeeded          bigint        not null default 0 check (succeeded >= 0),
    failed             bigint        not null default 0 check (failed >= 0),
    -- Why the city's stored settings fail their rules (nothing runs then); null when they pass.
    refused_settings   varchar(2000),
    constraint connector_health_error_dated check ((last_error is null) = (last_error_message is null))
);
