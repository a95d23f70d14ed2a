--liquibase formatted sql

--changeset selfdata:energy-water-2-citizen-keys
--preconditions onFail:MARK_RAN
--precondition-sql-check expectedResult:1 select count(*) from pg_tables where schemaname = current_schema() and tablename = 'citizen'
-- Every row about a citizen points at their account, so an import racing their erasure fails instead of leaving
-- an orphan. (A module tested alone, without the host's citizen table, skips this.)
alter table ew_meter add constraint ew_meter_citizen_fk foreign key (citizen_id) references citizen (id);
alter table ew_daily add constraint ew_daily_citizen_fk foreign key (citizen_id) references citizen (id);
alter table ew_curve add constraint ew_curve_citizen_fk foreign key (citizen_id) references citizen (id);
alter table ew_max_power add constraint ew_max_power_citizen_fk foreign key (citizen_id) references citizen (id);
alter table ew_import add constraint ew_import_citizen_fk foreign key (citizen_id) references citizen (id);

--changeset selfdata:energy-water-4-alert-citizen-keys
--preconditions onFail:MARK_RAN
--precondition-sql-check expectedResult:1 select count(*) from pg_tables where schemaname = current_schema() and tablename = 'citizen'
alter table ew_water_threshold add constraint ew_water_threshold_citizen_fk foreign key (citizen_id) references citizen (id);
alter table ew_alert add constraint ew_alert_citizen_fk foreign key (citizen_id) references citizen (id);
