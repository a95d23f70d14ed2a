package eu.selfdata.waste.bin;

import eu.selfdata.usecase.api.ConsentChanged;
import eu.selfdata.usecase.api.ConsentState;
import eu.selfdata.waste.WastePurposes;
import org.springframework.context.event.EventListener;

/** Withdrawing (or refusing) the import consent stops imports for the citizen's bins at once. */
public class ImportConsentListener {

    private final BinLinks links;

    public ImportConsentListener(BinLinks links) {
        this.links = links;
    }

    @EventListener
    public void on(ConsentChanged change) {
        if (WastePurposes.IMPORT_WEIGHINGS.equals(change.purposeId())) {
            links.importConsent(change.city(), change.citizen(), change.state() == ConsentState.GIVEN);
        }
    }
}
