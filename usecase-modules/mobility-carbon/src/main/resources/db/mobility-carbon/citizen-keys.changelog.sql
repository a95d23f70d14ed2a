--liquibase formatted sql

--changeset mobility-carbon:8-citizen-keys
--preconditions onFail:MARK_RAN
--precondition-sql-check expectedResult:1 select count(*) from pg_tables where schemaname = current_schema() and tablename = 'citizen'
-- Every row about a citizen points at their account: a write racing their erasure (a replica's stale cache, a
-- connector delivery) fails instead of leaving an orphan no later erasure would find. Orphans already left
-- by such races are the erased citizens' and go now.
-- (A module tested alone, without the host's citizen table, skips this.)
delete from mobility_leg_emission where citizen_id not in (select id from citizen);
delete from mobility_leg where citizen_id not in (select id from citizen);
delete from mobility_trip where citizen_id not in (select id from citizen);
delete from mobility_trace_point where citizen_id not in (select id from citizen);
delete from mobility_upload where citizen_id not in (select id from citizen);
delete from mobility_takeout_import where citizen_id not in (select id from citizen);
alter table mobility_upload add constraint mobility_upload_citizen_fk foreign key (citizen_id) references citizen (id);
alter table mobility_trace_point add constraint mobility_trace_point_citizen_fk foreign key (citizen_id) references citizen (id);
alter table mobility_trip add constraint mobility_trip_citizen_fk foreign key (citizen_id) references citizen (id);
alter table mobility_leg add constraint mobility_leg_citizen_fk foreign key (citizen_id) references citizen (id);
alter table mobility_leg_emission add constraint mobility_leg_emission_citizen_fk foreign key (citizen_id) references citizen (id);
alter table mobility_takeout_import add constraint mobility_takeout_import_citizen_fk foreign key (citizen_id) references citizen (id);
