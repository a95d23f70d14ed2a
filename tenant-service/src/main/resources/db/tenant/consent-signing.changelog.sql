--liquibase formatted sql

--changeset selfdata:consent-signing-1-keys
-- The city's keys signing consent receipts (ES256). The private key is sealed with the platform key
-- (AES-256-GCM bound to the city and the kid), so a copy of this table opens nowhere else. At most one
-- key signs at a time; retired keys stay so that older receipts still verify.
create table receipt_signing_key (
    kid            varchar(64)  primary key,
    public_jwk     jsonb        not null,
    sealed_private bytea        not null,
    created_at     timestamptz  not null,
    retired_at     timestamptz
);
create unique index receipt_signing_key_one_active on receipt_signing_key ((true)) where retired_at is null;

--changeset selfdata:consent-signing-2-receipt-jws
-- Each receipt's compact JWS (its JSON signed with the city key). Receipts issued before signing existed have none.
alter table consent_receipt add column jws text;
