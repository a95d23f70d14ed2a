--liquibase formatted sql

--changeset selfdata-tests:energy-pilot-1
create table energy_reading (
    id          bigint generated always as identity primary key,
    citizen     varchar(255) not null,
    watt_hours  bigint       not null
);
