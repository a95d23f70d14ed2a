package eu.selfdata.tenant.consent;

import eu.selfdata.usecase.api.ConsentState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Proof of one consent decision, with the fields of ISO/IEC TS 27560 and the Kantara Consent
 * Receipt specification v1.1 (names after the latter where they exist).
 *
 * @param consentReceiptId  unique id of this receipt
 * @param consentTimestamp  when the decision was made
 * @param piiPrincipalId    the citizen's pseudonymous id in the city (never the login)
 * @param piiControllers    who decides on the processing: the city
 * @param dataCategories    personal-data categories concerned
 * @param recipients        who receives the data under this purpose
 * @param duration          ISO-8601 period a given consent lasts
 * @param expiresAt         end of that period, for a given consent
 * @param withdrawalMethod  how to withdraw, in words and as an API call
 * @param charterVersion    version of the city's data charter in force, null when none is signed yet
 * @param previousReceiptId the receipt this decision replaces, if any
 */
public record ConsentReceipt(
        String version,
        String jurisdiction,
        UUID consentReceiptId,
        Instant consentTimestamp,
        String collectionMethod,
        String language,
        UUID piiPrincipalId,
        List<Controller> piiControllers,
        String service,
        Purpose purpose,
        ConsentState state,
        List<String> dataCategories,
        List<String> recipients,
        String duration,
        Instant expiresAt,
        String withdrawalMethod,
        String charterVersion,
        UUID previousReceiptId) {

    public static final String SPECIFICATION = "KI-CR-v1.1.0 / ISO/IEC TS 27560:2023";

    public record Controller(String piiController, String contact, String city) {}

    public record Purpose(String id, String label, String description, String consentType, String legalBasis) {}
}
