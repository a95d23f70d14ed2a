package eu.selfdata.tenant.erasure;

import eu.selfdata.tenant.citydata.CityJdbc;
import eu.selfdata.tenant.personaldata.PersonalDataCatalogue;
import eu.selfdata.usecase.api.PersonalDataSource;
import org.springframework.stereotype.Component;

/**
 * Every source erases its rows in one transaction, the append-only tables accepting it only inside that
 * transaction ({@code selfdata.erasure}); the account row goes last.
 */
@Component
class CityDataStep implements ErasureStep {

    private final PersonalDataCatalogue catalogue;
    private final CityJdbc city;

    CityDataStep(PersonalDataCatalogue catalogue, CityJdbc city) {
        this.catalogue = catalogue;
        this.city = city;
    }

    @Override
    public String name() {
        return "city-data";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void execute(ErasureRequest request) {
        city.transactions().executeWithoutResult(status -> {
            city.jdbc()
                    .sql("select set_config('selfdata.erasure', 'on', true)")
                    .query(String.class)
                    .single();
            for (PersonalDataSource source : catalogue.presentHere()) {
                source.erase(request.citizen());
            }
        });
    }
}
