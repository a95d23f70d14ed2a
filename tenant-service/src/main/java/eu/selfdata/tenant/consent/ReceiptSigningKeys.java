package eu.selfdata.tenant.consent;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import eu.selfdata.connectors.settings.Secret;
import eu.selfdata.connectors.settings.SecretBox;
import eu.selfdata.tenant.citydata.CityJdbc;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The city's ES256 key pairs signing consent receipts (Kantara CR v1.1: a receipt is a JWT signed by the
 * controller). The pair is made on first need; its private half is sealed by the platform's {@link SecretBox}
 * for this city and kid, so a row copied into another city's schema does not open. Nothing is cached: memory
 * does not grow with the number of cities, and opening a key is one AES-GCM decryption.
 */
@Component
class ReceiptSigningKeys {

    /** Where the platform key seals receipt keys, apart from the connectors' secrets. */
    static final String SEALED_FOR = "consent-receipt-key";

    private final CityJdbc city;
    private final SecretBox secrets;
    private final Clock clock;

    ReceiptSigningKeys(CityJdbc city, SecretBox secrets, Clock clock) {
        this.city = city;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** The compact JWS of {@code receipt} under the city's active key; call inside the city's transaction. */
    String sign(String receipt) {
        ECKey key = activeKey();
        JWSObject jws = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                new Payload(receipt));
        try {
            jws.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing a consent receipt failed", e);
        }
        return jws.serialize();
    }

    /** Every public key of the city, retired ones too, so that every receipt it ever signed verifies. */
    JWKSet publicKeys() {
        List<JWK> keys = city.jdbc()
                .sql("select public_jwk from receipt_signing_key order by created_at, kid")
                .query((rs, row) -> parse(rs.getString(1)))
                .list();
        return new JWKSet(keys);
    }

    private ECKey activeKey() {
        return active().orElseGet(() -> {
            ECKey generated = generate();
            // Two replicas may race on the first receipt: the partial unique index keeps one, both use it.
            city.jdbc()
                    .sql("""
                            insert into receipt_signing_key (kid, public_jwk, sealed_private, created_at)
                            values (?, ?::jsonb, ?, ?) on conflict do nothing""")
                    .params(
                            generated.getKeyID(),
                            generated.toPublicJWK().toJSONString(),
                            secrets.seal(
                                    city.city(),
                                    SEALED_FOR,
                                    generated.getKeyID(),
                                    new Secret(generated.toJSONString())),
                            Timestamp.from(clock.instant()))
                    .update();
            return active().orElseThrow();
        });
    }

    /**
     * The active key, if it opens here. A city restored under another name or on a platform with another
     * key has its keys' rows but cannot open them: that key is retired (its public half stays published, so
     * the receipts it signed still verify) and the next receipt gets a fresh one.
     */
    private Optional<ECKey> active() {
        Optional<SealedKey> sealed = city.jdbc()
                .sql("select kid, sealed_private from receipt_signing_key where retired_at is null")
                .query((rs, row) -> new SealedKey(rs.getString(1), rs.getBytes(2)))
                .optional();
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(secrets.open(
                                    city.city(),
                                    SEALED_FOR,
                                    sealed.get().kid(),
                                    sealed.get().sealed())
                            .value())
                    .toECKey());
        } catch (IllegalStateException notHere) {
            city.jdbc()
                    .sql("update receipt_signing_key set retired_at = ? where kid = ? and retired_at is null")
                    .params(Timestamp.from(clock.instant()), sealed.get().kid())
                    .update();
            return Optional.empty();
        }
    }

    private record SealedKey(String kid, byte[] sealed) {}

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("no P-256 key generator", e);
        }
    }

    private static JWK parse(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored receipt key does not parse", e);
        }
    }
}
