package eu.selfdata.tenant.tenancy;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Hibernate asks for the tenant on every session. Without a tenant the session gets a marker that
 * is no slug: Spring Data may open sessions at start-up to build queries, but the moment such a
 * session needs a connection, {@link SchemaPerTenantConnectionProvider} throws.
 */
class ContextTenantResolver implements CurrentTenantIdentifierResolver<String> {

    static final String NO_TENANT = "";

    @Override
    public String resolveCurrentTenantIdentifier() {
        return TenantContext.current().map(TenantId::slug).orElse(NO_TENANT);
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return true;
    }
}
