--liquibase formatted sql

--changeset selfdata:waste-5-citizen-keys
--preconditions onFail:MARK_RAN
--precondition-sql-check expectedResult:1 select count(*) from pg_tables where schemaname = current_schema() and tablename = 'citizen'
-- Every row about a citizen points at their account: a write racing their erasure (a replica's stale cache, a
-- weighings import) fails instead of leaving an orphan no later erasure would find. Orphans already left by
-- such races are the erased citizens' and go now.
-- (A module tested alone, without the host's citizen table, skips this.)
delete from waste_weighing where citizen_id not in (select id from citizen);
delete from waste_bin_dispute where citizen_id not in (select id from citizen);
delete from waste_bin_link where citizen_id not in (select id from citizen);
alter table waste_bin_link add constraint waste_bin_link_citizen_fk foreign key (citizen_id) references citizen (id);
alter table waste_weighing add constraint waste_weighing_citizen_fk foreign key (citizen_id) references citizen (id);
alter table waste_bin_dispute add constraint waste_bin_dispute_citizen_fk foreign key (citizen_id) references citizen (id);
