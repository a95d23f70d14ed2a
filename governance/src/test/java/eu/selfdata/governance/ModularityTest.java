package eu.selfdata.governance;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each feature package is a module (Spring Modulith): no cycles between modules, and no module
 * reaches into another's sub-packages (e.g. {@code costsharing.domain}), which are its internals.
 */
class ModularityTest {

    @Test
    void featuresAreModulesWithoutCyclesOrReachesIntoInternals() {
        ApplicationModules.of(GovernanceApplication.class).verify();
    }
}
