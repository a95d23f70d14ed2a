package eu.selfdata.tenant.registry;

public class TenantAlreadyExistsException extends RuntimeException {
    TenantAlreadyExistsException(String what) {
        super(what);
    }
}
