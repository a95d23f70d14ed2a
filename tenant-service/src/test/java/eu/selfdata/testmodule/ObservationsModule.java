package eu.selfdata.testmodule;

import eu.selfdata.usecase.api.CitizenTables;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.CityIndicator;
import eu.selfdata.usecase.api.ConsentPurpose;
import eu.selfdata.usecase.api.LegalBasis;
import eu.selfdata.usecase.api.LocalizedText;
import eu.selfdata.usecase.api.NoiseBudget;
import eu.selfdata.usecase.api.PersonalDataCategory;
import eu.selfdata.usecase.api.PersonalDataSource;
import eu.selfdata.usecase.api.UseCaseModule;
import java.time.Period;
import java.util.List;

/**
 * A use-case module that exists only in tests, written against usecase-api alone like a real one and
 * plugged in like a jar (its auto-configuration, changelog and bundle at the SPI's default paths): the
 * core's contract (export, erasure, consents, aggregates, 404 when disabled) is tested on it, and
 * that adding a module needs no host edit ({@code AddedModuleTest}).
 */
public class ObservationsModule implements UseCaseModule {

    public static final String ID = "observations";
    public static final String PURPOSE = "share-observations";
    public static final String INDICATOR = "observations-per-kind";
    /** A realistic budget, so that the attack tests measure what a real indicator gives away. */
    public static final NoiseBudget BUDGET = new NoiseBudget(1, 10);

    static final PersonalDataCategory CATEGORY = new PersonalDataCategory(
            "observations",
            new LocalizedText("Observations", "Observations"),
            new LocalizedText("Tester le socle", "Test the core"),
            LegalBasis.CONSENT,
            Period.ofYears(1));

    private final CityDatabase database;

    public ObservationsModule(CityDatabase database) {
        this.database = database;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Observations (tests)";
    }

    @Override
    public List<PersonalDataSource> personalData() {
        return List.of(CitizenTables.table(database, CATEGORY, "observation", "id"));
    }

    @Override
    public List<ConsentPurpose> consentPurposes() {
        return List.of(new ConsentPurpose(
                PURPOSE,
                new LocalizedText("Partager mes observations avec la ville", "Share my observations with the city"),
                new LocalizedText("Anonymisées, pour les politiques publiques", "Anonymised, for public policy"),
                ConsentPurpose.Recipient.city(),
                List.of(CATEGORY.id()),
                Period.ofYears(1)));
    }

    @Override
    public List<CityIndicator> cityIndicators() {
        return List.of(new CityIndicator(
                INDICATOR,
                new LocalizedText("Observations par type", "Observations per kind"),
                new LocalizedText("unités", "units"),
                PURPOSE,
                CATEGORY.id(),
                "select kind as group_key, citizen_id, value from observation",
                CityIndicator.Measure.SUM,
                BUDGET));
    }
}
