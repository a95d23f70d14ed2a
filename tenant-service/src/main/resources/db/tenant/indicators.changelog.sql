--liquibase formatted sql

--changeset selfdata:indicators-1-noised-snapshots
-- Snapshots now hold noised, rounded cells and the budget they were published with. Those from before
-- carried exact sums and counts, which is what a differencing attack reads: they are dropped.
delete from indicator_snapshot;
alter table indicator_snapshot add column epsilon double precision not null;
alter table indicator_snapshot add column contribution_cap double precision not null;
create index indicator_snapshot_published on indicator_snapshot (indicator_id, computed_at desc);
