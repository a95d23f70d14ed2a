package eu.selfdata.tenant.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import eu.selfdata.tenant.support.SelfDataTest;
import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.testmodule.ObservationsModule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Receipts signed with the city's key, verified offline with nothing but the citizen's export. */
class SignedReceiptsTest extends SelfDataTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyReceiptInTheExportVerifiesOfflineWithTheKeysInTheExport() throws Exception {
        String city = cityWithObservations("larochelle", "La Rochelle");
        String token = identities.citizenToken(city, person("camille"));
        giveConsent(token, city);
        assertThat(client.cityAs(token, city, "DELETE", "/api/me/consents/" + ObservationsModule.PURPOSE, null)
                        .status())
                .isEqualTo(200);

        Map<String, String> files = export(token, city);

        JWKSet keys = JWKSet.parse(files.get("receipt-keys.json"));
        JsonNode rows = JSON.readTree(files.get("consent-receipts.json"));
        assertThat(rows).hasSize(2);
        for (JsonNode row : rows) {
            JWSObject jws = JWSObject.parse(row.path("jws").asString());
            assertThat(verifies(jws, keys)).isTrue();
            JsonNode signed = JSON.readTree(jws.getPayload().toString());
            assertThat(signed).isEqualTo(row.path("receipt"));
            assertThat(signed.path("consentReceiptId").asString())
                    .isEqualTo(row.path("id").asString());
        }
        assertThat(keys.getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
    }

    @Test
    void aTamperedReceiptDoesNotVerify() throws Exception {
        String city = cityWithObservations("larochelle", "La Rochelle");
        String token = identities.citizenToken(city, person("camille"));
        String compact = giveConsent(token, city).json().path("jws").asString();
        JWKSet keys = JWKSet.parse(export(token, city).get("receipt-keys.json"));
        JWSObject original = JWSObject.parse(compact);

        String forged = original.getPayload().toString().replace("\"GIVEN\"", "\"REFUSED\"");
        String[] parts = compact.split("\\.");
        JWSObject tampered = JWSObject.parse(parts[0] + "." + Base64URL.encode(forged) + "." + parts[2]);

        assertThat(verifies(original, keys)).isTrue();
        assertThat(forged).isNotEqualTo(original.getPayload().toString());
        assertThat(verifies(tampered, keys)).isFalse();
    }

    @Test
    void theReceiptsApiReturnsEachReceiptWithItsJws() throws Exception {
        String city = cityWithObservations("larochelle", "La Rochelle");
        String token = identities.citizenToken(city, person("camille"));
        JsonNode given = giveConsent(token, city).json();

        JsonNode listed = client.cityAs(token, city, "GET", "/api/me/consent-receipts", null)
                .json()
                .get(0);
        JsonNode one = client.cityAs(
                        token,
                        city,
                        "GET",
                        "/api/me/consent-receipts/"
                                + given.path("consentReceiptId").asString(),
                        null)
                .json();

        assertThat(listed.path("jws").asString()).isEqualTo(given.path("jws").asString());
        assertThat(one.path("jws").asString()).isEqualTo(given.path("jws").asString());
        JsonNode payload = JSON.readTree(
                JWSObject.parse(one.path("jws").asString()).getPayload().toString());
        assertThat(payload.path("consentReceiptId").asString())
                .isEqualTo(one.path("consentReceiptId").asString());
        assertThat(payload.path("state").asString()).isEqualTo("GIVEN");
    }

    @Test
    void theCityKeyIsMadeOnceAndItsPrivateHalfIsStoredSealed() {
        String city = cityWithObservations("larochelle", "La Rochelle");
        assertThat(keysServedBy(city).getKeys()).isEmpty();
        giveConsent(identities.citizenToken(city, person("camille")), city);
        giveConsent(identities.citizenToken(city, person("dominique")), city);

        List<Map<String, Object>> stored = database()
                .sql("select public_jwk::text as pub, sealed_private from " + schema(city) + ".receipt_signing_key")
                .query()
                .listOfRows();

        assertThat(stored).hasSize(1);
        assertThat((String) stored.getFirst().get("pub")).doesNotContain("\"d\"");
        String sealed = new String((byte[]) stored.getFirst().get("sealed_private"), StandardCharsets.ISO_8859_1);
        assertThat(sealed).doesNotContain("\"d\"").doesNotContain("P-256");
        assertThat(keysServedBy(city).getKeys()).hasSize(1);
    }

    @Test
    void eachHostServesItsOwnKeysAndOneCitysKeyDoesNotVerifyAnothersReceipt() throws Exception {
        String larochelle = cityWithObservations("larochelle", "La Rochelle");
        String lyon = cityWithObservations("lyon", "Lyon");
        String camille = identities.citizenToken(larochelle, person("camille"));
        String dominique = identities.citizenToken(lyon, person("dominique"));
        JWSObject fromLaRochelle = JWSObject.parse(
                giveConsent(camille, larochelle).json().path("jws").asString());
        JWSObject fromLyon =
                JWSObject.parse(giveConsent(dominique, lyon).json().path("jws").asString());

        JWKSet laRochelleKeys = keysServedBy(larochelle);
        JWKSet lyonKeys = keysServedBy(lyon);

        assertThat(verifies(fromLaRochelle, laRochelleKeys)).isTrue();
        assertThat(verifies(fromLyon, lyonKeys)).isTrue();
        assertThat(verifiesWithAnyKey(fromLyon, laRochelleKeys)).isFalse();
        assertThat(verifiesWithAnyKey(fromLaRochelle, lyonKeys)).isFalse();
        assertThat(lyonKeys.getKeyByKeyId(fromLaRochelle.getHeader().getKeyID()))
                .isNull();
        ServiceClient.Response crossing = client.cityAs(camille, lyon, "GET", ReceiptKeysController.PATH, null);
        assertThat(crossing.status()).isEqualTo(403);
        assertThat(crossing.problemType()).isEqualTo("wrong-city");
    }

    private JWKSet keysServedBy(String city) {
        ServiceClient.Response served = client.city(city, "GET", ReceiptKeysController.PATH, null);
        assertThat(served.status()).as(served.body()).isEqualTo(200);
        try {
            return JWKSet.parse(served.body());
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    /** What a verifier does: the key named in the header, from the city's set, checks the signature. */
    private static boolean verifies(JWSObject jws, JWKSet keys) throws Exception {
        JWK key = keys.getKeyByKeyId(jws.getHeader().getKeyID());
        return key != null && jws.verify(new ECDSAVerifier(key.toECKey()));
    }

    /** Even ignoring the kid: no key of the set verifies the receipt. */
    private static boolean verifiesWithAnyKey(JWSObject jws, JWKSet keys) throws Exception {
        List<Boolean> outcomes = new ArrayList<>();
        for (JWK key : keys.getKeys()) {
            outcomes.add(jws.verify(new ECDSAVerifier(key.toECKey())));
        }
        return outcomes.contains(true);
    }
}
