package eu.selfdata.tenant.tenancy;

/** Thrown when code touches tenant data outside a tenant context: we fail closed, never fall back. */
public class NoTenantInContextException extends IllegalStateException {

    NoTenantInContextException() {
        super("No tenant in context: tenant data may only be touched inside TenantContext.run/call");
    }
}
