package eu.selfdata.contract;

/**
 * Request headers only the gateway sets (architecture rule 2): it removes whatever a client sent
 * under these names, then tells the services which city a request is for and signs it.
 */
public final class PlatformHeaders {

    /** The city's slug; absent on the platform host. */
    public static final String TENANT_ID = "X-Tenant-Id";
    /** {@link GatewaySignature} over {@link #TENANT_ID} (or "" on the platform host). */
    public static final String TENANT_SIGNATURE = "X-Tenant-Signature";
    /** Every header under these prefixes is the gateway's: a client's is removed before routing. */
    public static final String TENANT_PREFIX = "X-Tenant-";
    public static final String GATEWAY_PREFIX = "X-Gateway-";

    private PlatformHeaders() {
    }
}
