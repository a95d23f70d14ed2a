package eu.selfdata.testmodule;

import eu.selfdata.usecase.api.CurrentCitizen;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The test module's portal page, {@code /my/{module id}} like every module's, in the host's layout with the module's own texts. */
@Controller
@RequestMapping("/my/observations")
public class ObservationsPage {

    private final Observations observations;
    private final CurrentCitizen citizen;

    public ObservationsPage(Observations observations, CurrentCitizen citizen) {
        this.observations = observations;
        this.citizen = citizen;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("observations", observations.of(citizen.require()));
        return "observations/page";
    }
}
