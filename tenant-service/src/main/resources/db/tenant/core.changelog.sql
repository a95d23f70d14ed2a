--liquibase formatted sql

--changeset selfdata:core-1-announcement
-- News a city publishes on its portal home page.
create table announcement (
    id           bigint generated always as identity primary key,
    title        varchar(200)  not null,
    body         varchar(5000) not null,
    published_at timestamptz   not null default now()
);
