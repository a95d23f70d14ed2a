--liquibase formatted sql

--changeset selfdata:platform-1-tenant-registry
create table tenant (
    slug              varchar(40) primary key check (slug ~ '^[a-z][a-z0-9-]{1,39}$'),
    display_name      varchar(120) not null,
    population        integer      not null check (population >= 0),
    primary_color     char(7)      not null,
    secondary_color   char(7)      not null,
    logo_url          varchar(500),
    default_language  varchar(2)   not null,
    status            varchar(20)  not null,
    offboarding_archive varchar(1000),
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now()
);

-- One custom domain belongs to one city only.
create table tenant_domain (
    domain varchar(253) primary key,
    slug   varchar(40) not null references tenant (slug) on delete cascade
);
create index tenant_domain_slug on tenant_domain (slug);

create table tenant_module (
    slug      varchar(40) not null references tenant (slug) on delete cascade,
    module_id varchar(40) not null,
    primary key (slug, module_id)
);

create table onboarding_step (
    slug        varchar(40) not null references tenant (slug) on delete cascade,
    name        varchar(40) not null,
    position    integer     not null,
    state       varchar(20) not null,
    attempts    integer     not null default 0,
    last_error  varchar(2000),
    started_at  timestamptz,
    finished_at timestamptz,
    primary key (slug, name)
);

-- Append-only history of what happened to each city (activation, suspension, offboarding...).
create table tenant_event (
    id     bigint generated always as identity primary key,
    slug   varchar(40) not null references tenant (slug) on delete cascade,
    kind   varchar(40) not null,
    detail varchar(2000),
    at     timestamptz not null default now()
);
create index tenant_event_slug on tenant_event (slug, at);

--changeset selfdata:platform-2-first-admin
-- Who becomes the city's first administrator in the identity server (an e-mail, no credential).
alter table tenant add column admin_email varchar(254);

--changeset selfdata:platform-3-city-policies
-- k of the city's aggregates (groups smaller than k are suppressed; never below 5) and the version
-- of the data charter the city signed, which its consent receipts cite.
alter table tenant add column min_group_size integer not null default 10 check (min_group_size >= 5);
alter table tenant add column charter_version varchar(40);

--changeset selfdata:platform-4-city-logo
-- The logo a city admin uploaded (checked: PNG/JPEG/WebP, at most 512 KB), served at /branding/logo.
create table tenant_logo (
    slug         varchar(40) primary key references tenant (slug) on delete cascade,
    content_type varchar(40) not null,
    content      bytea not null,
    uploaded_at  timestamptz not null default now()
);

--changeset selfdata:platform-5-outbound-hosts
-- Hosts the coordinator allow-listed for one city's connectors (e.g. the operator's SFTP server over
-- a VPN): that city may reach them even at non-public addresses. Read by the connector framework's
-- outbound guard at each call. A null port allows every port.
create table city_outbound_host (
    city     varchar(40)  not null references tenant (slug) on delete cascade,
    host     varchar(253) not null,
    port     integer check (port between 1 and 65535),
    added_at timestamptz  not null default now(),
    added_by varchar(255) not null
);
create unique index city_outbound_host_once on city_outbound_host (city, host, coalesce(port, 0));

--changeset selfdata:platform-6-rate-limits
-- The city's rate limits, set by the coordinator (null: the platform's defaults, eu.selfdata.contract.RateLimits).
alter table tenant add column rate_limits jsonb;
