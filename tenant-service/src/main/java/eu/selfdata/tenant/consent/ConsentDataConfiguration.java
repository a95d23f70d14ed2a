package eu.selfdata.tenant.consent;

import eu.selfdata.tenant.citydata.CityJdbc;
import eu.selfdata.usecase.api.CitizenTables;
import eu.selfdata.usecase.api.LegalBasis;
import eu.selfdata.usecase.api.LocalizedText;
import eu.selfdata.usecase.api.PersonalDataCategory;
import eu.selfdata.usecase.api.PersonalDataSource;
import eu.selfdata.usecase.api.PortableFile;
import java.nio.charset.StandardCharsets;
import java.time.Period;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Consents as personal data: every receipt is exported with its JWS, beside the city's public keys
 * ({@code receipt-keys.json}), so the citizen or an auditor verifies the receipts offline; erasure removes
 * decisions and receipts.
 */
@Configuration(proxyBeanMethods = false)
class ConsentDataConfiguration {

    @Bean
    @Order(1)
    PersonalDataSource consentReceipts(CityJdbc city, ReceiptSigningKeys keys) {
        PersonalDataCategory category = new PersonalDataCategory(
                "consent-receipts",
                new LocalizedText("Reçus de consentement", "Consent receipts"),
                new LocalizedText("Prouver vos choix et les respecter", "Prove and honour your choices"),
                LegalBasis.LEGAL_OBLIGATION,
                Period.ofYears(5));
        return new CitizenTables(city, category, """
                        select id, purpose_id, state, issued_at, receipt, jws from consent_receipt
                         where citizen_id = :citizen order by issued_at, id""", List.of("consent", "consent_receipt"))
                .withPortableFiles(new PortableFile(
                        "receipt-keys.json",
                        "application/jwk-set+json",
                        (citizen, out) ->
                                out.write(keys.publicKeys().toString(true).getBytes(StandardCharsets.UTF_8))));
    }
}
