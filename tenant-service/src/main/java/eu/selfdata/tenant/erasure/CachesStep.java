package eu.selfdata.tenant.erasure;

import eu.selfdata.tenant.citizen.CitizenAccounts;
import org.springframework.stereotype.Component;

/**
 * The subject refused again (the request already did it, before any data went) and this replica's cached
 * account dropped; other replicas read the erased-subject table on every request, so none serves it any more.
 */
@Component
class CachesStep implements ErasureStep {

    private final CitizenAccounts accounts;

    CachesStep(CitizenAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return "caches";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void execute(ErasureRequest request) {
        accounts.refuse(request.subject());
    }
}
