--liquibase formatted sql

--changeset selfdata:core-1-announcement
-- News a city publishes on its portal home page.
create table announcement (
    id           bigint generated always as identity primary key,
    title        varchar(200)  not null,
    body         varchar(5000) not null,
    published_at timestamptz   not null default now()
);

--changeset selfdata:core-2-citizen
-- A citizen's account in this city. Module tables point at id (citizen_id), never at the identity
-- server's subject, which only this table holds.
create table citizen (
    id             uuid         primary key,
    subject        varchar(255) not null unique,
    display_name   varchar(100),
    language       varchar(5),
    household_size integer      check (household_size between 1 and 20),
    created_at     timestamptz  not null default now(),
    last_seen_at   timestamptz  not null default now()
);

-- Hashes of subjects who erased their account, so a token issued before the erasure cannot
-- re-create an account; purged after a day (longer than any token lives).
create table erased_subject (
    subject_hash varchar(64) primary key,
    erased_at    timestamptz not null default now()
);

--changeset selfdata:core-3-consent splitStatements:false
-- Latest decision per citizen and purpose; the receipts are its history.
create table consent (
    citizen_id uuid        not null references citizen (id),
    purpose_id varchar(60) not null,
    state      varchar(10) not null check (state in ('GIVEN', 'REFUSED', 'WITHDRAWN')),
    decided_at timestamptz not null,
    expires_at timestamptz,
    receipt_id uuid        not null,
    primary key (citizen_id, purpose_id)
);

-- One receipt per change (ISO/IEC TS 27560 / Kantara fields in the JSON). Never updated; deleted
-- only by the erasure of the citizen.
create table consent_receipt (
    id         uuid        primary key,
    citizen_id uuid        not null references citizen (id),
    purpose_id varchar(60) not null,
    state      varchar(10) not null,
    issued_at  timestamptz not null,
    receipt    jsonb       not null
);
create index consent_receipt_citizen on consent_receipt (citizen_id, issued_at);

create function consent_receipt_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('selfdata.erasure', true) = 'on' then
        return old;
    end if;
    raise exception 'consent receipts are never changed' using errcode = 'P0001';
end
$$;
create trigger consent_receipt_immutable before update or delete on consent_receipt
    for each row execute function consent_receipt_guard();

--changeset selfdata:core-4-access-log splitStatements:false
-- Every read of a citizen's data by someone else. Append-only: the only change ever allowed is the
-- erasure of the citizen, which unlinks the entry (citizen_id and reason emptied).
create table access_log (
    id            bigint       generated always as identity primary key,
    citizen_id    uuid,
    accessed_at   timestamptz  not null default now(),
    accessor_kind varchar(20)  not null,
    accessor_name varchar(200) not null,
    category_id   varchar(40)  not null,
    reason        varchar(500)
);
create index access_log_citizen on access_log (citizen_id, accessed_at);

create function access_log_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and current_setting('selfdata.erasure', true) = 'on'
       and new.citizen_id is null and new.reason is null and new.id = old.id and new.accessed_at = old.accessed_at
       and new.accessor_kind = old.accessor_kind and new.accessor_name = old.accessor_name
       and new.category_id = old.category_id then
        return new;
    end if;
    raise exception 'the access log is append-only' using errcode = 'P0001';
end
$$;
create trigger access_log_append_only before update or delete on access_log
    for each row execute function access_log_guard();
create trigger access_log_no_truncate before truncate on access_log
    for each statement execute function access_log_guard();

--changeset selfdata:core-5-indicator-snapshot
-- The latest computations of city indicators: aggregates only, suppressed cells without figures.
create table indicator_snapshot (
    id             bigint      generated always as identity primary key,
    module_id      varchar(40) not null,
    indicator_id   varchar(60) not null,
    computed_at    timestamptz not null,
    min_group_size integer     not null,
    cells          jsonb       not null
);
create index indicator_snapshot_latest on indicator_snapshot (module_id, indicator_id, computed_at desc);

--changeset selfdata:core-6-verified-citizen
-- Whether the identity server has verified the citizen's e-mail address (rule 11: only then does the
-- account count as a person, e.g. among the city's active citizens). Refreshed from the token.
alter table citizen add column email_verified boolean not null default false;

--changeset selfdata:core-7-optional-notices
-- Whether the citizen wants the notices the law does not require (a pilot stopped, a consent about to expire);
-- the answer to their own erasure request is always sent.
alter table citizen add column optional_notices boolean not null default true;

--changeset selfdata:core-8-consent-expiry-notice
-- When the citizen was told this decision's consent expires soon (once per decision; a new decision clears it).
alter table consent add column expiry_noticed_at timestamptz;
