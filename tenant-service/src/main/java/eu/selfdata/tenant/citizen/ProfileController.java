package eu.selfdata.tenant.citizen;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in citizen's own profile in this city. */
@RestController
@RequestMapping("/api/me")
class ProfileController {

    private final TokenCitizen citizen;
    private final Profiles profiles;

    ProfileController(TokenCitizen citizen, Profiles profiles) {
        this.citizen = citizen;
        this.profiles = profiles;
    }

    @GetMapping
    Profile profile() {
        return profiles.of(citizen.require());
    }

    @PutMapping
    Profile update(@Valid @RequestBody ProfileUpdate update) {
        return profiles.update(citizen.require(), update);
    }
}
