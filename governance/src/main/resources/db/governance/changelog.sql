--liquibase formatted sql

--changeset selfdata:governance-1-consortium
-- A partner: every city tenant (synced from the registry) and the non-city members of the consortium.
create table partner (
    id          uuid primary key,
    kind        varchar(20)  not null check (kind in ('CITY', 'NATIONAL_BODY', 'COMPANY', 'ASSOCIATION', 'RESEARCH_LAB')),
    name        varchar(200) not null,
    city_slug   varchar(40) unique check (city_slug ~ '^[a-z][a-z0-9-]{1,39}$'),
    population  integer check (population >= 0),
    created_at  timestamptz  not null default now(),
    check ((kind = 'CITY') = (city_slug is not null))
);

-- Who acts for a non-city partner (Keycloak subjects); a city is represented by its city admins.
create table partner_representative (
    partner_id uuid        not null references partner (id),
    subject    varchar(255) not null,
    primary key (partner_id, subject)
);

create table membership (
    id         bigint generated always as identity primary key,
    partner_id uuid        not null references partner (id),
    started_at timestamptz not null,
    ended_at   timestamptz,
    check (ended_at is null or ended_at >= started_at)
);
create unique index membership_one_open on membership (partner_id) where ended_at is null;

create table role_assignment (
    id         bigint generated always as identity primary key,
    partner_id uuid        not null references partner (id),
    role       varchar(30) not null check (role in ('LEAD_COORDINATOR', 'TECHNICAL_COORDINATOR', 'LEGAL_COORDINATOR',
                                                    'DIGITAL_MEDIATION_COORDINATOR', 'MEMBER', 'OBSERVER')),
    started_at timestamptz not null,
    ended_at   timestamptz,
    check (ended_at is null or ended_at >= started_at)
);
-- Never two lead coordinators at once, whatever the code does.
create unique index role_one_lead on role_assignment (role) where role = 'LEAD_COORDINATOR' and ended_at is null;
create unique index role_once_per_partner on role_assignment (partner_id, role) where ended_at is null;

-- The one consortium project; its row also serialises role changes.
create table project (
    id      integer primary key check (id = 1),
    status  varchar(10) not null check (status in ('DRAFT', 'LIVE')),
    live_at timestamptz
);
insert into project (id, status) values (1, 'DRAFT');

--changeset selfdata:governance-2-cost-sharing
create table budget_period (
    id                   uuid primary key,
    name                 varchar(120) not null,
    starts_on            date         not null,
    ends_on              date         not null check (ends_on >= starts_on),
    status               varchar(10)  not null check (status in ('OPEN', 'CLOSED')),
    statements_published boolean      not null default false,
    closed_at            timestamptz,
    closed_by            varchar(255)
);

create table budget_line (
    id           uuid primary key,
    period_id    uuid         not null references budget_period (id),
    category     varchar(30)  not null,
    label        varchar(200) not null,
    amount_cents bigint       not null check (amount_cents >= 0),
    cost_key     text         not null
);

-- Metered usage per city for a period, as fetched from tenant-service; frozen when the period closes.
create table period_usage (
    period_id       uuid        not null references budget_period (id),
    city_slug       varchar(40) not null,
    active_citizens bigint      not null,
    stored_bytes    bigint      not null,
    api_calls       bigint      not null,
    fetched_at      timestamptz not null,
    primary key (period_id, city_slug)
);

-- The allocation as it stood when the period closed: statements of closed periods never move.
create table closed_allocation (
    period_id  uuid   not null references budget_period (id),
    line_id    uuid   not null references budget_line (id),
    partner_id uuid   not null references partner (id),
    cents      bigint not null check (cents >= 0),
    primary key (line_id, partner_id)
);

--changeset selfdata:governance-3-decisions
create table motion (
    id          uuid primary key,
    kind        varchar(30)  not null,
    title       varchar(200) not null,
    description text,
    weighting   varchar(20)  not null check (weighting in ('ONE_PARTNER_ONE_VOTE', 'CONTRIBUTION')),
    period_id   uuid references budget_period (id),
    quorum_pct  integer      not null check (quorum_pct between 0 and 100),
    majority_pct integer     not null check (majority_pct between 1 and 100),
    status      varchar(10)  not null check (status in ('OPEN', 'ADOPTED', 'REJECTED')),
    opened_at   timestamptz  not null,
    closed_at   timestamptz,
    result      text
);

create table motion_vote (
    motion_id  uuid         not null references motion (id),
    partner_id uuid         not null references partner (id),
    choice     varchar(10)  not null check (choice in ('YES', 'NO', 'ABSTAIN')),
    cast_by    varchar(255) not null,
    cast_at    timestamptz  not null,
    primary key (motion_id, partner_id)
);

--changeset selfdata:governance-4-pilots
create table pilot (
    id                  uuid primary key,
    city_slug           varchar(40)  not null,
    module_id           varchar(40)  not null,
    title               varchar(200) not null,
    stop_votes_required integer      not null check (stop_votes_required >= 1),
    status              varchar(10)  not null check (status in ('RUNNING', 'STOPPING', 'STOPPED')),
    started_at          timestamptz  not null,
    stopped_at          timestamptz
);
create unique index pilot_one_running_per_module on pilot (city_slug, module_id) where status <> 'STOPPED';

create table panel_member (
    pilot_id  uuid         not null references pilot (id),
    subject   varchar(255) not null,
    joined_at timestamptz  not null,
    primary key (pilot_id, subject)
);

create table stop_vote (
    pilot_id uuid         not null references pilot (id),
    subject  varchar(255) not null,
    cast_at  timestamptz  not null,
    primary key (pilot_id, subject)
);

-- What the panel and the city's citizens are told about a pilot.
create table pilot_notice (
    id       bigint generated always as identity primary key,
    pilot_id uuid        not null references pilot (id),
    message  text        not null,
    at       timestamptz not null
);

--changeset selfdata:governance-5-charter-readiness
create table charter_version (
    id           varchar(40) primary key check (id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$'),
    title        varchar(200) not null,
    body         text         not null,
    published_at timestamptz  not null
);

create table charter_signature (
    id         bigint generated always as identity primary key,
    city_slug  varchar(40)  not null,
    version_id varchar(40)  not null references charter_version (id),
    signed_by  varchar(255) not null,
    signed_at  timestamptz  not null,
    relayed_at timestamptz
);
create index charter_signature_city on charter_signature (city_slug, id);

create table readiness_answer (
    partner_id            uuid         not null references partner (id),
    questionnaire_version varchar(20)  not null,
    item_id               varchar(60)  not null,
    answer                varchar(10)  not null check (answer in ('YES', 'PARTLY', 'NO')),
    note                  text,
    answered_by           varchar(255) not null,
    answered_at           timestamptz  not null,
    primary key (partner_id, questionnaire_version, item_id)
);

--changeset selfdata:governance-6-audit splitStatements:false
create table audit_entry (
    id        bigint generated always as identity primary key,
    at        timestamptz  not null default clock_timestamp(),
    actor     varchar(255) not null,
    action    varchar(60)  not null,
    entity    varchar(40)  not null,
    entity_id varchar(80)  not null,
    before    text,
    after     text
);
create index audit_entry_entity on audit_entry (entity, entity_id, id);

-- The trail is read-only: no update or delete, whoever connects.
create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end;
$$;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();

--changeset selfdata:governance-7-panel-rule-and-mails
-- Who may join a pilot's panel (verified always; optionally an account older than the pilot, a minimum age),
-- who started it (mailed when it stops) and whether the panel has been told it stopped.
alter table pilot add column panel_account_before_start boolean not null default false;
alter table pilot add column panel_min_account_days integer check (panel_min_account_days between 1 and 3650);
alter table pilot add column started_by_email varchar(254);
alter table pilot add column started_by_language varchar(2) not null default 'en' check (started_by_language in ('fr', 'en'));
alter table pilot add column panel_notified_at timestamptz;
update pilot set panel_notified_at = stopped_at where status = 'STOPPED';

-- Mails to send, written in the transaction of what they tell (a stop), sent and retried by MailOutbox.
create table mail_outbox (
    id         bigint generated always as identity primary key,
    recipient  varchar(254) not null,
    language   varchar(2)   not null check (language in ('fr', 'en')),
    subject    varchar(300) not null,
    body       text         not null,
    created_at timestamptz  not null default clock_timestamp(),
    attempts   integer      not null default 0,
    last_error varchar(500),
    sent_at    timestamptz
);
create index mail_outbox_pending on mail_outbox (id) where sent_at is null;

--changeset selfdata:governance-8-notices-in-the-readers-language
-- A notice keeps its message key and arguments, so each reader gets it in their language (message: its English text).
alter table pilot_notice add column message_key varchar(60);
alter table pilot_notice add column arguments jsonb;

--changeset selfdata:governance-9-citizen-erasure splitStatements:false
-- A citizen's erasure (art. 17, asked by tenant-service) is the one change the audit trail accepts: inside the
-- erasure's transaction, an entry's actor may be replaced by a pseudonym, nothing else.
create or replace function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and current_setting('selfdata.erasure', true) = 'on'
       and new.actor = 'erased-citizen' and new.id = old.id and new.at = old.at and new.action = old.action
       and new.entity = old.entity and new.entity_id = old.entity_id
       and new.before is not distinct from old.before and new.after is not distinct from old.after then
        return new;
    end if;
    raise exception 'audit_entry is append-only';
end;
$$;
