package eu.selfdata.tenant.consent;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public keys of the city served at this host, to verify its consent receipts (a JWK set, RFC 7517). */
@RestController
class ReceiptKeysController {

    static final String PATH = "/api/consent-receipt-keys";

    private final ReceiptSigningKeys keys;

    ReceiptKeysController(ReceiptSigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping(PATH)
    ResponseEntity<Map<String, Object>> keys() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(keys.publicKeys().toJSONObject(true));
    }
}
