--liquibase formatted sql

--changeset selfdata:usage-1-api-calls
-- API calls served per city and UTC day, for cost sharing (governance reads it through /platform/usage).
create table api_call_count (
    slug  varchar(40) not null,
    day   date        not null,
    calls bigint      not null check (calls >= 0),
    primary key (slug, day)
);
