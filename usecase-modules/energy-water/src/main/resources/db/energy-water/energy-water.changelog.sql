--liquibase formatted sql

--changeset selfdata:energy-water-1-meters-and-readings
-- A meter of the citizen's home: an electricity PRM, a gas PCE or a water meter number. Two accounts of one
-- household may each link it; imports run only while the fluid's import consent is given (import_active).
create table ew_meter (
    id            uuid        primary key,
    citizen_id    uuid        not null,
    fluid         varchar(12) not null check (fluid in ('ELECTRICITY', 'GAS', 'WATER')),
    identifier    varchar(32) not null,
    label         varchar(80),
    import_active boolean     not null default true,
    linked_at     timestamptz not null default now(),
    constraint ew_meter_once unique (citizen_id, fluid, identifier)
);

-- One day of a meter: energy in Wh (electricity, gas) and volume in litres (gas, water). A day read again
-- replaces the stored one, so a file or a delivery replayed adds nothing.
create table ew_daily (
    meter_id    uuid        not null references ew_meter (id) on delete cascade,
    citizen_id  uuid        not null,
    day         date        not null,
    watt_hours  bigint      check (watt_hours >= 0),
    litres      bigint      check (litres >= 0),
    source      varchar(12) not null check (source in ('FILE', 'API')),
    imported_at timestamptz not null default now(),
    primary key (meter_id, day),
    check (watt_hours is not null or litres is not null)
);
create index ew_daily_citizen on ew_daily (citizen_id, day);

-- The electricity load curve: average W over the step that ends at interval_end (Enedis's convention).
create table ew_curve (
    meter_id      uuid        not null references ew_meter (id) on delete cascade,
    citizen_id    uuid        not null,
    interval_end  timestamptz not null,
    step_minutes  smallint    not null check (step_minutes between 1 and 60),
    average_watts integer     not null check (average_watts >= 0),
    primary key (meter_id, interval_end)
);
create index ew_curve_citizen on ew_curve (citizen_id);

-- The day's highest apparent power, in VA.
create table ew_max_power (
    meter_id     uuid    not null references ew_meter (id) on delete cascade,
    citizen_id   uuid    not null,
    day          date    not null,
    volt_amperes integer not null check (volt_amperes >= 0),
    primary key (meter_id, day)
);
create index ew_max_power_citizen on ew_max_power (citizen_id);

-- What each import did, for the citizen's history (and what an erasure removes with the rest).
create table ew_import (
    id          bigint generated always as identity primary key,
    meter_id    uuid        not null references ew_meter (id) on delete cascade,
    citizen_id  uuid        not null,
    format      varchar(24) not null,
    rows_read   integer     not null,
    days        integer     not null,
    curve_steps integer     not null,
    first_day   date,
    last_day    date,
    imported_at timestamptz not null default now()
);
create index ew_import_citizen on ew_import (citizen_id, imported_at);

-- Prices the city admin maintains per fluid, dated: a day is priced by the latest one valid on it.
-- price_per_unit is per kWh (electricity, gas) or per m³ (water), taxes included.
create table ew_tariff (
    fluid                 varchar(12)    not null check (fluid in ('ELECTRICITY', 'GAS', 'WATER')),
    valid_from            date           not null,
    price_per_unit        numeric(10, 5) not null check (price_per_unit >= 0),
    subscription_per_year numeric(10, 2) check (subscription_per_year >= 0),
    label                 varchar(120)   not null,
    source                varchar(300)   not null,
    primary key (fluid, valid_from)
);

--changeset selfdata:energy-water-3-leak-alerts
-- The daily water use above which a citizen wants to hear of a possible leak, and the days that passed it, raised
-- when an import brings them: once per meter and day, whatever the imports that bring the day again.
create table ew_water_threshold (
    citizen_id     uuid        primary key,
    litres_per_day integer     not null check (litres_per_day between 1 and 100000),
    updated_at     timestamptz not null default now()
);

create table ew_alert (
    id         bigint generated always as identity primary key,
    citizen_id uuid        not null,
    meter_id   uuid        not null references ew_meter (id) on delete cascade,
    day        date        not null,
    litres     bigint      not null,
    threshold  integer     not null,
    raised_at  timestamptz not null default now(),
    seen_at    timestamptz,
    constraint ew_alert_once unique (meter_id, day)
);
create index ew_alert_citizen on ew_alert (citizen_id, day);
