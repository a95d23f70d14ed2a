package eu.selfdata.tenant.registry;

public class UnknownTenantException extends RuntimeException {
    public UnknownTenantException(String slug) {
        super("No city '" + slug + "' in the registry");
    }
}
