--liquibase formatted sql

--changeset selfdata:platform-clusters-1
-- The PostgreSQL cluster holding the city's schema; 'main' is tenant-service's own DataSource, where
-- this registry lives too. Where each cluster is belongs to the deployment (selfdata.database.clusters).
alter table tenant add column cluster varchar(30) not null default 'main' check (cluster ~ '^[a-z][a-z0-9-]{0,29}$');

-- A city's moves between clusters: a city with a move COPYING or SWITCHED is not served (503) and its
-- connectors are stopped; at most one such move per city.
create table city_move (
    id             bigint generated always as identity primary key,
    slug           varchar(40) not null references tenant (slug) on delete cascade,
    source_cluster varchar(30) not null,
    target_cluster varchar(30) not null,
    state          varchar(20) not null check (state in ('COPYING', 'SWITCHED', 'DONE', 'FAILED')),
    error          varchar(2000),
    started_at     timestamptz not null default now(),
    finished_at    timestamptz
);
create unique index city_move_running on city_move (slug) where state in ('COPYING', 'SWITCHED');
