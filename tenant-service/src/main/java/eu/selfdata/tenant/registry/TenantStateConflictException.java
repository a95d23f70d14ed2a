package eu.selfdata.tenant.registry;

/** An operation that the city's current status does not allow (e.g. resuming an active city). */
public class TenantStateConflictException extends RuntimeException {
    public TenantStateConflictException(String message) {
        super(message);
    }
}
