package eu.selfdata.governance.consortium;

import eu.selfdata.governance.tenantservice.TenantServiceClient;
import eu.selfdata.governance.tenantservice.TenantServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Polls the tenant registry so onboarding makes a partner and offboarding ends its membership. */
@Component
class CityPartnerSync {

    private static final Logger log = LoggerFactory.getLogger(CityPartnerSync.class);

    private final TenantServiceClient tenantService;
    private final Consortium consortium;

    CityPartnerSync(TenantServiceClient tenantService, Consortium consortium) {
        this.tenantService = tenantService;
        this.consortium = consortium;
    }

    @Scheduled(
            initialDelayString = "${selfdata.partners.sync-initial-delay:5s}",
            fixedDelayString = "${selfdata.partners.sync-interval:30s}")
    void poll() {
        try {
            sync();
        } catch (TenantServiceUnavailableException e) {
            log.warn("City partners not synced: {}", e.getMessage());
        }
    }

    void sync() {
        consortium.syncCities(tenantService.cities());
    }
}
