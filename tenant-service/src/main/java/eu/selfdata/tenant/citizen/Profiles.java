package eu.selfdata.tenant.citizen;

import eu.selfdata.tenant.citydata.CityJdbc;
import eu.selfdata.usecase.api.CitizenId;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Citizens' profiles in the current city, read and changed by the citizen alone (API and portal page). */
@Service
class Profiles {

    private final CityJdbc city;

    Profiles(CityJdbc city) {
        this.city = city;
    }

    Profile of(CitizenId id) {
        return city.jdbc()
                .sql(
                        "select id, display_name, language, household_size, optional_notices, created_at from citizen where id = ?")
                .param(id.value())
                .query((rs, row) -> new Profile(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        (Integer) rs.getObject(4),
                        rs.getBoolean(5),
                        rs.getTimestamp(6).toInstant()))
                .single();
    }

    Profile update(CitizenId id, ProfileUpdate update) {
        // optionalNotices left out keeps the citizen's choice
        city.jdbc()
                .sql("""
                        update citizen set display_name = ?, language = ?, household_size = ?, optional_notices = coalesce(?, optional_notices)
                         where id = ?""")
                .params(
                        update.displayName(),
                        update.language(),
                        update.householdSize(),
                        update.optionalNotices(),
                        id.value())
                .update();
        return of(id);
    }
}
