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

    /**
     * A response header, from a service to the gateway: the {@link ImageOrigin} this page may load
     * images from besides its own (a city's map tiles). The gateway removes it from the response and
     * adds that origin, checked again, to the page's CSP {@code img-src}.
     */
    public static final String IMAGE_ORIGIN = "X-Selfdata-Image-Origin";

    private PlatformHeaders() {}
}
