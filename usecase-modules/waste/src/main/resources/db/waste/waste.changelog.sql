--liquibase formatted sql

--changeset selfdata:waste-1-bins-and-weighings
-- A household bin (its RFID tag) linked by a citizen who lets the platform import its weighings.
-- Imports stop while the consent is not given (import_active false); the link itself is kept.
create table waste_bin_link (
    bin_id         varchar(64) primary key,
    citizen_id     uuid        not null,
    household_size integer     not null check (household_size between 1 and 20),
    import_active  boolean     not null default true,
    linked_at      timestamptz not null default now()
);
create index waste_bin_link_citizen on waste_bin_link (citizen_id);

-- Weighings of linked bins only: personal data of the citizen who linked the bin.
create table waste_weighing (
    id           bigint generated always as identity primary key,
    citizen_id   uuid         not null,
    bin_id       varchar(64)  not null,
    collected_at timestamptz  not null,
    stream       varchar(12)  not null check (stream in ('RESIDUAL', 'RECYCLABLES', 'GLASS', 'BIOWASTE')),
    grams        integer      not null check (grams >= 0),
    round        varchar(64),
    source       varchar(300) not null,
    imported_at  timestamptz  not null default now(),
    constraint waste_weighing_once unique (bin_id, collected_at, stream)
);
create index waste_weighing_citizen on waste_weighing (citizen_id, collected_at);

-- Weighings of bins nobody linked: counts only, never the bin, per source file chunk so that a
-- replayed file adds nothing.
create table waste_anonymous_tonnage (
    source_key varchar(200) not null,
    chunk      integer      not null,
    month      date         not null,
    stream     varchar(12)  not null,
    weighings  integer      not null,
    grams      bigint       not null,
    primary key (source_key, chunk, month, stream)
);

--changeset selfdata:waste-2-smart-bins
-- Fill level and temperature of public bins (not personal data), one row per reading.
create table waste_bin_fill (
    bin_id        varchar(64) not null,
    measured_at   timestamptz not null,
    fill_percent  smallint    not null check (fill_percent between 0 and 100),
    temperature_c numeric(4, 1),
    received_at   timestamptz not null default now(),
    primary key (bin_id, measured_at)
);
create index waste_bin_fill_latest on waste_bin_fill (bin_id, measured_at desc);

--changeset selfdata:waste-3-collection-calendar
-- The city's collection calendar from its open-data portal, replaced at each successful poll.
create table waste_collection_day (
    street   varchar(200) not null,
    stream   varchar(12)  not null,
    weekday  smallint     not null check (weekday between 1 and 7),
    fetched_at timestamptz not null default now(),
    primary key (street, stream, weekday)
);

--changeset selfdata:waste-4-bin-ownership
-- Proof that a link is the household's own (rule 11 and the issue of claimed tags): the operator's file carries
-- a per-bin activation code (kept only as a SHA-256 of bin and code) that the citizen types in, or the city admin
-- validates the link. Only a proven link imports weighings or shows them; wrong codes lock the bin's code for an
-- hour after 5 tries.
create table waste_bin_activation (
    bin_id          varchar(64) primary key,
    code_hash       varchar(64) not null,
    delivered_at    timestamptz not null default now(),
    failed_attempts integer     not null default 0,
    locked_until    timestamptz
);
alter table waste_bin_link add column proof varchar(12) check (proof in ('CODE', 'CITY_ADMIN'));
alter table waste_bin_link add column proven_at timestamptz;

-- A household claiming a bin another account holds: kept for the city admin to resolve (keep or transfer).
create table waste_bin_dispute (
    id             uuid        primary key,
    bin_id         varchar(64) not null,
    citizen_id     uuid        not null,
    household_size integer     not null check (household_size between 1 and 20),
    claimed_at     timestamptz not null default now(),
    unique (bin_id, citizen_id)
);
create index waste_bin_dispute_citizen on waste_bin_dispute (citizen_id);
