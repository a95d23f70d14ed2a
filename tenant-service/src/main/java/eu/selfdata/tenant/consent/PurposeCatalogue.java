package eu.selfdata.tenant.consent;

import eu.selfdata.tenant.modules.ModuleCatalogue;
import eu.selfdata.usecase.api.ConsentPurpose;
import eu.selfdata.usecase.api.UseCaseModule;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The purposes citizens can consent to: those of the modules their city enabled. */
@Component
class PurposeCatalogue {

    private final ModuleCatalogue modules;

    PurposeCatalogue(ModuleCatalogue modules) {
        this.modules = modules;
    }

    List<OfferedPurpose> offeredHere() {
        return modules.enabledHere().stream()
                .flatMap(
                        module -> module.consentPurposes().stream().map(purpose -> new OfferedPurpose(module, purpose)))
                .toList();
    }

    /** A purpose of any module, enabled here or not (a withdrawal must work after a module was switched off). */
    Optional<OfferedPurpose> anywhere(String purposeId) {
        return modules.all().stream()
                .flatMap(
                        module -> module.consentPurposes().stream().map(purpose -> new OfferedPurpose(module, purpose)))
                .filter(offered -> offered.purpose().id().equals(purposeId))
                .findFirst();
    }

    record OfferedPurpose(UseCaseModule module, ConsentPurpose purpose) {}
}
