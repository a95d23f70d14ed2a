package eu.selfdata.tenant.citizen;

import eu.selfdata.tenant.citydata.CityJdbc;
import eu.selfdata.usecase.api.CitizenId;
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
    private final CityJdbc city;

    ProfileController(TokenCitizen citizen, CityJdbc city) {
        this.citizen = citizen;
        this.city = city;
    }

    @GetMapping
    Profile profile() {
        return load(citizen.require());
    }

    @PutMapping
    Profile update(@Valid @RequestBody ProfileUpdate update) {
        CitizenId id = citizen.require();
        city.jdbc().sql("update citizen set display_name = ?, language = ?, household_size = ? where id = ?")
                .params(update.displayName(), update.language(), update.householdSize(), id.value()).update();
        return load(id);
    }

    private Profile load(CitizenId id) {
        return city.jdbc().sql("select id, display_name, language, household_size, created_at from citizen where id = ?")
                .param(id.value())
                .query((rs, row) -> new Profile(rs.getObject(1, java.util.UUID.class), rs.getString(2), rs.getString(3),
                        (Integer) rs.getObject(4), rs.getTimestamp(5).toInstant()))
                .single();
    }
}
