package eu.selfdata.tenant.erasure;

import eu.selfdata.tenant.personaldata.PersonalDataCatalogue;
import eu.selfdata.usecase.api.PersonalDataCopies;
import org.springframework.stereotype.Component;

/** Files and dead letters: every copy modules and connectors declared outside the sources' tables. */
@Component
class CopiesStep implements ErasureStep {

    private final PersonalDataCatalogue catalogue;

    CopiesStep(PersonalDataCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public String name() {
        return "files-and-dead-letters";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void execute(ErasureRequest request) {
        for (PersonalDataCopies copies : catalogue.copies()) {
            copies.erase(request.citizen());
        }
    }
}
