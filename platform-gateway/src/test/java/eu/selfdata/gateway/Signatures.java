package eu.selfdata.gateway;

import eu.selfdata.contract.GatewaySignature;
import java.time.Clock;

/** The tests' gateway secret, and X-Tenant-Signature verified as a downstream service does. */
final class Signatures {

    static final String SECRET = "change-me-in-tests-0123456789abcdef";
    private static final GatewaySignature SERVICE = new GatewaySignature(SECRET, Clock.systemUTC());

    private Signatures() {}

    static boolean verifies(String signature, String tenant) {
        return SERVICE.verifies(signature, tenant);
    }
}
