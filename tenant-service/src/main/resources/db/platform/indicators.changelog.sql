--liquibase formatted sql

--changeset selfdata:indicators-1-schedule
-- How often the city's indicators are published (days; at most daily, at least monthly) and how old an
-- account must be before it counts towards k (never below 7 days: the party reading the aggregates
-- must not be able to make padding a cell with fresh accounts cheaper).
alter table tenant add column indicator_period_days integer not null default 7
    check (indicator_period_days between 1 and 31);
alter table tenant add column min_account_age_days integer not null default 7
    check (min_account_age_days between 7 and 90);
