package eu.selfdata.energywater.meter;

import eu.selfdata.energywater.EnergyWaterPurposes;
import eu.selfdata.energywater.reading.Fluid;
import eu.selfdata.usecase.api.ConsentChanged;
import eu.selfdata.usecase.api.ConsentState;
import org.springframework.context.event.EventListener;

/** Withdrawing (or refusing) a fluid's import consent stops the imports of the citizen's meters of that fluid at once. */
public class ImportConsentListener {

    private final Meters meters;

    public ImportConsentListener(Meters meters) {
        this.meters = meters;
    }

    @EventListener
    public void on(ConsentChanged change) {
        for (Fluid fluid : Fluid.values()) {
            if (EnergyWaterPurposes.importPurpose(fluid).equals(change.purposeId())) {
                meters.importConsent(change.city(), change.citizen(), fluid, change.state() == ConsentState.GIVEN);
            }
        }
    }
}
