--liquibase formatted sql

--changeset mobility-carbon:1-settings
-- The city's choices: one row. Factor set and budget are per city (issue 5, e-mission #954).
create table mobility_settings (
    id                     smallint primary key default 1 check (id = 1),
    factor_set             varchar(60)  not null default 'impactco2-2025-10-16',
    factor_revision        integer      not null default 0,
    time_zone              varchar(60)  not null default 'Europe/Paris'
);
insert into mobility_settings (id) values (1);

-- The weekly budget each citizen gets and what unused grams are worth, from a week on: past
-- weeks keep the rule they were lived under.
create table mobility_budget_rule (
    effective_from         date    primary key,
    weekly_budget_g        bigint  not null check (weekly_budget_g >= 0),
    credits_per_kg_unused  integer not null check (credits_per_kg_unused >= 0)
);
-- Until the city sets its own: 20 kg a week (about 90 km alone in a petrol car), 10 credits per kg left.
insert into mobility_budget_rule values (date '2024-01-01', 20000, 10);

-- A city's own factor for a mode, in place of the set's (gCO2e per passenger-km).
create table mobility_factor_override (
    mode        varchar(16) primary key,
    g_per_pkm   double precision not null check (g_per_pkm >= 0)
);

-- Every factor table a result was computed with, so any stored gram traces back to its factor.
create table mobility_factor_version (
    version     varchar(80) primary key,
    factors     text        not null,
    created_at  timestamptz not null default now()
);

--changeset mobility-carbon:2-traces
create table mobility_upload (
    id              bigint generated always as identity primary key,
    citizen_id      uuid         not null,
    format          varchar(16)  not null,
    received_at     timestamptz  not null default now(),
    points_read     integer      not null,
    points_stored   integer      not null
);
create index mobility_upload_citizen on mobility_upload (citizen_id);

-- A re-sent point (same citizen, same instant) is kept once: the key makes ingestion idempotent.
create table mobility_trace_point (
    citizen_id   uuid             not null,
    recorded_at  timestamptz      not null,
    lat          double precision not null,
    lon          double precision not null,
    accuracy_m   real,
    speed_mps    real,
    upload_id    bigint           not null,
    primary key (citizen_id, recorded_at)
);

--changeset mobility-carbon:3-trips
create table mobility_trip (
    id           bigint generated always as identity primary key,
    citizen_id   uuid        not null,
    started_at   timestamptz not null,
    ended_at     timestamptz not null,
    distance_m   integer     not null,
    origin_lat   double precision not null,
    origin_lon   double precision not null,
    dest_lat     double precision not null,
    dest_lon     double precision not null,
    check (ended_at >= started_at)
);
create index mobility_trip_citizen_time on mobility_trip (citizen_id, started_at);

create table mobility_leg (
    id                bigint generated always as identity primary key,
    trip_id           bigint      not null references mobility_trip (id) on delete cascade,
    citizen_id        uuid        not null,
    started_at        timestamptz not null,
    ended_at          timestamptz not null,
    distance_m        integer     not null,
    median_speed_mps  real        not null,
    p95_speed_mps     real        not null,
    inferred_mode     varchar(16) not null,
    corrected_mode    varchar(16),
    co2e_g            bigint,
    factor_version    varchar(80) references mobility_factor_version (version)
);
create index mobility_leg_trip on mobility_leg (trip_id);
create index mobility_leg_citizen_time on mobility_leg (citizen_id, started_at);

-- Every CO2e computed for a leg, old factor versions included: a recompute adds, never rewrites.
create table mobility_leg_emission (
    leg_id          bigint      not null references mobility_leg (id) on delete cascade,
    citizen_id      uuid        not null,
    factor_version  varchar(80) not null references mobility_factor_version (version),
    mode            varchar(16) not null,
    co2e_g          bigint,
    computed_at     timestamptz not null default now(),
    primary key (leg_id, factor_version, mode)
);
create index mobility_leg_emission_citizen on mobility_leg_emission (citizen_id);

--changeset mobility-carbon:4-gtfs
-- The city's GTFS static feeds; one is active. A new feed is loaded beside the active one and
-- switched on only when complete, so a broken download never takes the network away.
create table mobility_gtfs_feed (
    id           bigint generated always as identity primary key,
    sha256       char(64)    not null unique,
    source       varchar(500) not null,
    imported_at  timestamptz not null default now(),
    active       boolean     not null default false,
    stops        integer     not null,
    routes       integer     not null,
    stop_times   integer     not null
);
create unique index mobility_gtfs_feed_one_active on mobility_gtfs_feed (active) where active;

create table mobility_gtfs_stop (
    feed_id  bigint      not null references mobility_gtfs_feed (id) on delete cascade,
    stop_id  varchar(200) not null,
    lat      double precision not null,
    lon      double precision not null,
    primary key (feed_id, stop_id)
);

create table mobility_gtfs_route (
    feed_id     bigint       not null references mobility_gtfs_feed (id) on delete cascade,
    route_id    varchar(200) not null,
    route_type  integer      not null,
    short_name  varchar(200),
    primary key (feed_id, route_id)
);

-- Which routes serve a stop, from stop_times and trips (the pairs, not the million rows).
create table mobility_gtfs_stop_route (
    feed_id   bigint       not null references mobility_gtfs_feed (id) on delete cascade,
    stop_id   varchar(200) not null,
    route_id  varchar(200) not null,
    primary key (feed_id, stop_id, route_id)
);

-- A route's drawn paths (shapes.txt), as lat/lon pairs "lat lon,lat lon,...".
create table mobility_gtfs_route_shape (
    feed_id   bigint       not null references mobility_gtfs_feed (id) on delete cascade,
    route_id  varchar(200) not null,
    shape_id  varchar(200) not null,
    path      text         not null,
    primary key (feed_id, route_id, shape_id)
);

--changeset mobility-carbon:5-activity
-- What the phone's activity recognition said at each fix (walking, in a vehicle...), with its
-- confidence: evidence for legs and modes (issue 18).
alter table mobility_trace_point add column activity varchar(16)
    check (activity in ('STILL', 'ON_FOOT', 'CYCLING', 'IN_VEHICLE', 'UNKNOWN'));
alter table mobility_trace_point add column activity_confidence smallint check (activity_confidence between 0 and 100);

--changeset mobility-carbon:6-takeout
-- A citizen's import of their Google Takeout location history: the file arrives by the tus
-- resumable upload protocol, then is read in the background in one transaction (a cancelled or
-- refused import stores nothing). Progress is written here by another connection as it goes, so a
-- page reloaded (on any replica) shows it; updated_at is the runner's heartbeat.
create table mobility_takeout_import (
    id               bigint generated always as identity primary key,
    citizen_id       uuid         not null,
    upload_id        uuid         not null unique,
    status           varchar(16)  not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED')),
    phase            varchar(16)  check (phase in ('SCANNING', 'READING', 'SEGMENTING')),
    format           varchar(16)  check (format in ('RECORDS', 'TIMELINE')),
    keep_from        date,
    keep_to          date,
    file_bytes       bigint       not null check (file_bytes >= 0),
    bytes_read       bigint       not null default 0,
    weeks_done       integer      not null default 0,
    weeks_total      integer      not null default 0,
    points_read      bigint       not null default 0,
    points_kept      bigint       not null default 0,
    points_outside   bigint       not null default 0,
    duplicates       bigint       not null default 0,
    visits           integer      not null default 0,
    activities       integer      not null default 0,
    trips            integer      not null default 0,
    problem_type     varchar(80),
    problem_status   smallint,
    problem_detail   varchar(2000),
    cancel_requested boolean      not null default false,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now(),
    finished_at      timestamptz,
    check (keep_to is null or keep_from is null or keep_to >= keep_from)
);
create index mobility_takeout_import_citizen on mobility_takeout_import (citizen_id, created_at);

--changeset mobility-carbon:7-basemap
-- The map tiles a city chose for its citizens' trip maps: a public https URL template (Leaflet's
-- {z}/{x}/{y}) and the attribution its licence asks for. Null: no tiles, no map server called.
alter table mobility_settings add column basemap_url varchar(500);
alter table mobility_settings add column basemap_attribution varchar(200);
