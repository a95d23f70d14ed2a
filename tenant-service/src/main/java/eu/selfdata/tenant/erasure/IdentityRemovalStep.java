package eu.selfdata.tenant.erasure;

import eu.selfdata.tenant.identity.CityIdentity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The account at the identity server, last of the data: until this step the citizen signs in and sees
 * the erasure in progress. A person who is also in another city, or a coordinator, only leaves this city.
 */
@Component
class IdentityRemovalStep implements ErasureStep {

    private final ObjectProvider<CityIdentity> identity;

    IdentityRemovalStep(ObjectProvider<CityIdentity> identity) {
        this.identity = identity;
    }

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public void execute(ErasureRequest request) {
        identity.ifAvailable(cityIdentity -> cityIdentity.removeCitizen(request.city(), request.subject()));
    }
}
