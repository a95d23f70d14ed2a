package eu.selfdata.tenant.personaldata;

import eu.selfdata.tenant.citydata.CityJdbc;
import eu.selfdata.tenant.identity.CityIdentity;
import eu.selfdata.tenant.notices.CitizenNotices;
import eu.selfdata.tenant.notices.Notice;
import eu.selfdata.tenant.problem.ProblemException;
import eu.selfdata.tenant.problem.ProblemType;
import eu.selfdata.tenant.registry.TenantRegistry;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.PersonalDataSource;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Art. 17: the citizen leaves the city. The identity goes first (if the identity server is down,
 * nothing is erased and the citizen is told to retry); then every source erases its rows in one
 * transaction, the append-only tables accepting it only inside that transaction. The confirmation the
 * citizen is owed (art. 12(3)) is composed while the address still exists and mailed once the rows are
 * gone, whatever their notice settings; no access log keeps it, since the log's entries leave with them.
 */
@Component
public class Erasure {

    /** What the citizen types (API and page alike) to confirm that erasing cannot be undone. */
    static final String CONFIRMATION = "ERASE";

    private final PersonalDataCatalogue catalogue;
    private final CityJdbc city;
    private final ObjectProvider<CityIdentity> identity;
    private final CitizenNotices notices;
    private final TenantRegistry registry;

    Erasure(
            PersonalDataCatalogue catalogue,
            CityJdbc city,
            ObjectProvider<CityIdentity> identity,
            CitizenNotices notices,
            TenantRegistry registry) {
        this.catalogue = catalogue;
        this.city = city;
        this.identity = identity;
        this.notices = notices;
        this.registry = registry;
    }

    public void erase(CitizenId citizen, String subject) {
        String slug = city.city();
        String cityName = registry.get(slug).displayName();
        Optional<CitizenNotices.Mail> confirmation =
                notices.compose(citizen, Notice.ACCOUNT_ERASED, language -> new Object[] {cityName});
        identity.ifAvailable(cityIdentity -> {
            try {
                cityIdentity.removeCitizen(slug, subject);
            } catch (ProcessingException | WebApplicationException e) {
                throw new ProblemException(
                        ProblemType.IDENTITY_UNAVAILABLE,
                        "Your account could not be closed at the identity server; nothing was erased, try again later");
            }
        });
        city.transactions().executeWithoutResult(status -> {
            city.jdbc()
                    .sql("select set_config('selfdata.erasure', 'on', true)")
                    .query(String.class)
                    .single();
            for (PersonalDataSource source : catalogue.presentHere()) {
                source.erase(citizen);
            }
        });
        confirmation.ifPresent(notices::deliver);
    }
}
