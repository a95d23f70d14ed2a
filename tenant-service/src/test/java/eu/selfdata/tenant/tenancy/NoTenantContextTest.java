package eu.selfdata.tenant.tenancy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.selfdata.tenant.announcement.Announcements;
import eu.selfdata.tenant.support.TenantServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class NoTenantContextTest extends TenantServiceTest {

    @Autowired
    Announcements announcements;

    @Test
    void readingTenantDataWithoutATenantInContextThrows() {
        assertThatThrownBy(() -> announcements.latest()).hasRootCauseInstanceOf(NoTenantInContextException.class);
    }

    @Test
    void writingTenantDataWithoutATenantInContextThrows() {
        assertThatThrownBy(() -> announcements.publish("t", "b"))
                .hasRootCauseInstanceOf(NoTenantInContextException.class);
    }

    @Test
    void tenantContextIsRestoredAfterTheCall() {
        TenantContext.run(TenantId.of("somewhere"), () -> {});
        assertThatThrownBy(TenantContext::require).isInstanceOf(NoTenantInContextException.class);
    }
}
