package eu.selfdata.tenant.citizen;

import eu.selfdata.tenant.citydata.CityJdbc;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CitizenTables;
import eu.selfdata.usecase.api.LegalBasis;
import eu.selfdata.usecase.api.LocalizedText;
import eu.selfdata.usecase.api.PersonalDataCategory;
import eu.selfdata.usecase.api.PersonalDataSource;
import eu.selfdata.usecase.api.RowSink;
import java.time.Period;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The account itself; erased last, when nothing refers to it any more. */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ProfileData implements PersonalDataSource {

    private static final PersonalDataCategory CATEGORY = new PersonalDataCategory(
            "profile",
            new LocalizedText("Votre compte", "Your account"),
            new LocalizedText(
                    "Vous reconnaître et personnaliser vos indicateurs", "Recognise you and tailor your figures"),
            LegalBasis.CONTRACT,
            Period.ofYears(3));

    private final CityJdbc city;
    private final CitizenAccounts accounts;
    private final CitizenTables rows;

    ProfileData(CityJdbc city, CitizenAccounts accounts) {
        this.city = city;
        this.accounts = accounts;
        this.rows = new CitizenTables(city, CATEGORY, """
                select id, subject as login_id, display_name, language, household_size, created_at, last_seen_at
                  from citizen where id = :citizen""", List.of("citizen"));
    }

    @Override
    public PersonalDataCategory category() {
        return CATEGORY;
    }

    @Override
    public List<String> tables() {
        return rows.tables();
    }

    @Override
    public void export(CitizenId citizen, RowSink sink) {
        rows.export(citizen, sink);
    }

    @Override
    public void erase(CitizenId citizen) {
        city.jdbc()
                .sql("select subject from citizen where id = ?")
                .param(citizen.value())
                .query(String.class)
                .optional()
                .ifPresent(accounts::refuse);
        city.jdbc()
                .sql("delete from citizen where id = ?")
                .param(citizen.value())
                .update();
    }
}
