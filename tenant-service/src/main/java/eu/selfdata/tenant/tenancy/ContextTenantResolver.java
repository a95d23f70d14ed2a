package eu.selfdata.tenant.tenancy;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/** Hibernate asks for the tenant on every session: no tenant in context means an exception. */
class ContextTenantResolver implements CurrentTenantIdentifierResolver<String> {

    @Override
    public String resolveCurrentTenantIdentifier() {
        return TenantContext.require().slug();
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return true;
    }
}
