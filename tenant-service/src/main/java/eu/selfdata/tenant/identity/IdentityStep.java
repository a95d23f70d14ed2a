package eu.selfdata.tenant.identity;

import eu.selfdata.tenant.onboarding.OnboardingStep;
import eu.selfdata.tenant.onboarding.RetryLaterException;
import eu.selfdata.tenant.registry.Tenant;
import jakarta.ws.rs.ProcessingException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Onboarding step: the city's Organization, portal client and first administrator in the identity
 * server; undone at failure or offboarding with the members who belong to no other city and the
 * city's external identity providers. While the
 * identity server is unreachable the saga waits and retries instead of giving the city up.
 */
@Component
@ConditionalOnProperty("selfdata.keycloak.url")
class IdentityStep implements OnboardingStep {

    private final CityIdentity identity;
    private final ExternalSignIn externalSignIn;

    IdentityStep(CityIdentity identity, ExternalSignIn externalSignIn) {
        this.identity = identity;
        this.externalSignIn = externalSignIn;
    }

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public void execute(Tenant tenant) {
        try {
            identity.ensureOrganization(tenant);
            identity.ensurePortalClient(tenant);
            identity.ensureFirstAdmin(tenant);
        } catch (ProcessingException e) {
            throw new RetryLaterException("identity server unreachable: " + e.getMessage(), e);
        }
    }

    @Override
    public void compensate(Tenant tenant) {
        identity.removeCityOnlyMembers(tenant.slug());
        externalSignIn.removeAll(tenant.slug());
        identity.removePortalClient(tenant.slug());
        identity.removeOrganization(tenant.slug());
    }
}
