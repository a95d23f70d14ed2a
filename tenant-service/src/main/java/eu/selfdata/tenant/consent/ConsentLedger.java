package eu.selfdata.tenant.consent;

import eu.selfdata.tenant.citydata.CityJdbc;
import eu.selfdata.tenant.problem.ProblemException;
import eu.selfdata.tenant.problem.ProblemType;
import eu.selfdata.tenant.registry.CityPolicies;
import eu.selfdata.tenant.registry.ServedTenants;
import eu.selfdata.tenant.registry.Tenant;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.ConsentChanged;
import eu.selfdata.usecase.api.ConsentPurpose;
import eu.selfdata.usecase.api.ConsentState;
import eu.selfdata.usecase.api.Consents;
import eu.selfdata.usecase.api.LegalBasis;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consent decisions of the citizens of the city in context: the latest one per purpose, and a
 * receipt for every change. Nothing is cached: a withdrawal holds from the next request.
 */
@Component
class ConsentLedger implements Consents {

    private final CityJdbc city;
    private final PurposeCatalogue purposes;
    private final ServedTenants tenants;
    private final CityPolicies policies;
    private final ReceiptSigningKeys signing;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConsentLedger(
            CityJdbc city,
            PurposeCatalogue purposes,
            ServedTenants tenants,
            CityPolicies policies,
            ReceiptSigningKeys signing,
            JsonMapper json,
            ApplicationEventPublisher events,
            Clock clock) {
        this.city = city;
        this.purposes = purposes;
        this.tenants = tenants;
        this.policies = policies;
        this.signing = signing;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public boolean isGiven(CitizenId citizen, String purposeId) {
        return decision(citizen, purposeId)
                .map(decision -> decision.isGivenAt(clock.instant()))
                .orElse(false);
    }

    Optional<ConsentDecision> decision(CitizenId citizen, String purposeId) {
        return city.jdbc()
                .sql(
                        "select purpose_id, state, decided_at, expires_at, receipt_id from consent where citizen_id = ? and purpose_id = ?")
                .params(citizen.value(), purposeId)
                .query(ConsentLedger::decisionRow)
                .optional();
    }

    List<ConsentDecision> decisions(CitizenId citizen) {
        return city.jdbc()
                .sql(
                        "select purpose_id, state, decided_at, expires_at, receipt_id from consent where citizen_id = ? order by purpose_id")
                .param(citizen.value())
                .query(ConsentLedger::decisionRow)
                .list();
    }

    /** Gives or refuses a purpose offered by a module this city enabled. */
    SignedReceipt decide(CitizenId citizen, String purposeId, ConsentState state, String language) {
        PurposeCatalogue.OfferedPurpose offered = purposes.offeredHere().stream()
                .filter(candidate -> candidate.purpose().id().equals(purposeId))
                .findFirst()
                .orElseThrow(() -> new ProblemException(
                        ProblemType.NOT_FOUND, "No purpose '" + purposeId + "' offered in this city"));
        return record(citizen, offered, state, language);
    }

    /** Withdraws a given consent; works for a module the city has since switched off. */
    SignedReceipt withdraw(CitizenId citizen, String purposeId, String language) {
        Optional<ConsentDecision> current = decision(citizen, purposeId);
        if (current.isEmpty() || current.get().state() != ConsentState.GIVEN) {
            throw new ProblemException(
                    ProblemType.TENANT_STATE_CONFLICT, "There is no given consent to '" + purposeId + "' to withdraw");
        }
        PurposeCatalogue.OfferedPurpose offered = purposes.anywhere(purposeId)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No purpose '" + purposeId + "'"));
        return record(citizen, offered, ConsentState.WITHDRAWN, language);
    }

    List<SignedReceipt> receipts(CitizenId citizen) {
        return city.jdbc()
                .sql("select receipt, jws from consent_receipt where citizen_id = ? order by issued_at, id")
                .param(citizen.value())
                .query(this::receiptRow)
                .list();
    }

    Optional<SignedReceipt> receipt(CitizenId citizen, UUID receiptId) {
        return city.jdbc()
                .sql("select receipt, jws from consent_receipt where citizen_id = ? and id = ?")
                .params(citizen.value(), receiptId)
                .query(this::receiptRow)
                .optional();
    }

    private SignedReceipt receiptRow(ResultSet rs, int row) throws SQLException {
        return new SignedReceipt(json.readValue(rs.getString("receipt"), ConsentReceipt.class), rs.getString("jws"));
    }

    private SignedReceipt record(
            CitizenId citizen, PurposeCatalogue.OfferedPurpose offered, ConsentState state, String language) {
        String slug = city.city();
        Instant now = clock.instant();
        ConsentPurpose purpose = offered.purpose();
        Instant expiresAt = state == ConsentState.GIVEN
                ? now.atOffset(ZoneOffset.UTC).plus(purpose.duration()).toInstant()
                : null;
        SignedReceipt receipt = city.transactions().execute(status -> {
            // Serialises concurrent decisions of one citizen on one purpose.
            city.jdbc()
                    .sql("select id from citizen where id = ? for update")
                    .param(citizen.value())
                    .query(UUID.class)
                    .single();
            UUID previous = decision(citizen, purpose.id())
                    .map(ConsentDecision::receiptId)
                    .orElse(null);
            ConsentReceipt issued = receiptFor(slug, citizen, offered, state, now, expiresAt, previous, language);
            String body = json.writeValueAsString(issued);
            // The JWS carries the exact bytes signed; the jsonb column is for queries.
            String jws = signing.sign(body);
            city.jdbc()
                    .sql(
                            "insert into consent_receipt (id, citizen_id, purpose_id, state, issued_at, receipt, jws) values (?, ?, ?, ?, ?, ?::jsonb, ?)")
                    .params(
                            issued.consentReceiptId(),
                            citizen.value(),
                            purpose.id(),
                            state.name(),
                            Timestamp.from(now),
                            body,
                            jws)
                    .update();
            city.jdbc()
                    .sql("""
                            insert into consent (citizen_id, purpose_id, state, decided_at, expires_at, receipt_id)
                            values (:citizen, :purpose, :state, :at, :expires, :receipt)
                            on conflict (citizen_id, purpose_id) do update
                               set state = excluded.state, decided_at = excluded.decided_at,
                                   expires_at = excluded.expires_at, receipt_id = excluded.receipt_id, expiry_noticed_at = null""")
                    .param("citizen", citizen.value())
                    .param("purpose", purpose.id())
                    .param("state", state.name())
                    .param("at", Timestamp.from(now))
                    .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt))
                    .param("receipt", issued.consentReceiptId())
                    .update();
            return new SignedReceipt(issued, jws);
        });
        events.publishEvent(new ConsentChanged(slug, citizen, purpose.id(), state));
        return receipt;
    }

    private ConsentReceipt receiptFor(
            String slug,
            CitizenId citizen,
            PurposeCatalogue.OfferedPurpose offered,
            ConsentState state,
            Instant now,
            Instant expiresAt,
            UUID previous,
            String language) {
        Tenant tenant = tenants.find(slug).orElseThrow();
        ConsentPurpose purpose = offered.purpose();
        String recipient = purpose.recipient().kind() == ConsentPurpose.Recipient.Kind.CITY
                ? tenant.displayName()
                : purpose.recipient().name().in(language);
        return new ConsentReceipt(
                ConsentReceipt.SPECIFICATION,
                "EU",
                UUID.randomUUID(),
                now,
                "Self Data portal of " + tenant.displayName() + " (explicit action of the citizen)",
                language,
                citizen.value(),
                List.of(new ConsentReceipt.Controller(tenant.displayName(), tenant.adminEmail(), slug)),
                offered.module().displayName(),
                new ConsentReceipt.Purpose(
                        purpose.id(),
                        purpose.label().in(language),
                        purpose.description().in(language),
                        "EXPLICIT",
                        LegalBasis.CONSENT.name()),
                state,
                purpose.categoryIds(),
                List.of(recipient),
                purpose.duration().toString(),
                expiresAt,
                "At any time on the portal (My consents) or DELETE /api/me/consents/" + purpose.id()
                        + "; takes effect for the next processing",
                policies.charterVersion(slug).orElse(null),
                previous);
    }

    private static ConsentDecision decisionRow(ResultSet rs, int row) throws SQLException {
        Timestamp expires = rs.getTimestamp("expires_at");
        return new ConsentDecision(
                rs.getString("purpose_id"),
                ConsentState.valueOf(rs.getString("state")),
                rs.getTimestamp("decided_at").toInstant(),
                expires == null ? null : expires.toInstant(),
                rs.getObject("receipt_id", UUID.class));
    }
}
