package eu.selfdata.waste;

import eu.selfdata.contract.problem.PlatformProblem;
import eu.selfdata.usecase.api.CitizenTables;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.CityIndicator;
import eu.selfdata.usecase.api.ConsentPurpose;
import eu.selfdata.usecase.api.LegalBasis;
import eu.selfdata.usecase.api.LocalizedText;
import eu.selfdata.usecase.api.PersonalDataCategory;
import eu.selfdata.usecase.api.PersonalDataSource;
import eu.selfdata.usecase.api.UseCaseModule;
import java.time.Period;
import java.util.List;

/**
 * Household waste: the citizen's bin weighings, the city's smart bins and collection calendar. Its
 * changelog ({@code db/waste/changelog.xml}) and portal texts ({@code messages/waste}) sit at the
 * SPI's default paths.
 */
public class WasteModule implements UseCaseModule {

    public static final String ID = "waste";

    static final PersonalDataCategory BINS = new PersonalDataCategory(
            WastePurposes.CATEGORY_BINS,
            new LocalizedText("Mes bacs", "My bins"),
            new LocalizedText(
                    "Relier vos bacs à votre compte pour en importer les pesées",
                    "Link your bins to your account to import their weighings"),
            LegalBasis.CONSENT,
            Period.ofYears(3));
    static final PersonalDataCategory BIN_CLAIMS = new PersonalDataCategory(
            WastePurposes.CATEGORY_BIN_CLAIMS,
            new LocalizedText("Mes demandes sur des bacs contestés", "My claims on disputed bins"),
            new LocalizedText(
                    "Permettre à la ville de vérifier à quel foyer appartient un bac qu'un autre compte a relié",
                    "Let the city check which household a bin another account linked belongs to"),
            LegalBasis.PUBLIC_TASK,
            Period.ofYears(1));
    static final PersonalDataCategory WEIGHINGS = new PersonalDataCategory(
            WastePurposes.CATEGORY_WEIGHINGS,
            new LocalizedText("Pesées de mes bacs", "Weighings of my bins"),
            new LocalizedText(
                    "Vous montrer vos kilos de déchets par flux et votre taux de tri",
                    "Show you your kilograms of waste per stream and your sorting rate"),
            LegalBasis.CONSENT,
            Period.ofYears(3));

    private final CityDatabase database;

    public WasteModule(CityDatabase database) {
        this.database = database;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Déchets / Waste";
    }

    @Override
    public List<PlatformProblem> problems() {
        return WasteProblems.ALL;
    }

    @Override
    public List<PersonalDataSource> personalData() {
        return List.of(
                CitizenTables.table(database, BINS, "waste_bin_link", "linked_at, bin_id"),
                CitizenTables.table(database, BIN_CLAIMS, "waste_bin_dispute", "claimed_at, id"),
                CitizenTables.table(database, WEIGHINGS, "waste_weighing", "collected_at, id"));
    }

    @Override
    public List<ConsentPurpose> consentPurposes() {
        return List.of(
                new ConsentPurpose(
                        WastePurposes.IMPORT_WEIGHINGS,
                        new LocalizedText("Importer les pesées de mon bac", "Import my bin's weighings"),
                        new LocalizedText(
                                "Laisser la plateforme importer les pesées de mon bac depuis l'opérateur de collecte",
                                "Let the platform import my bin's weighings from the waste operator"),
                        ConsentPurpose.Recipient.platform(),
                        List.of(WastePurposes.CATEGORY_BINS, WastePurposes.CATEGORY_WEIGHINGS),
                        Period.ofYears(1)),
                new ConsentPurpose(
                        WastePurposes.CITY_STATISTICS,
                        new LocalizedText(
                                "Compter mes pesées dans les statistiques de la ville",
                                "Count my weighings in the city's statistics"),
                        new LocalizedText(
                                "Mes kilos et mon taux de tri comptent, seulement en agrégat, dans les indicateurs déchets de la ville",
                                "My kilograms and sorting rate count, only in aggregate, in the city's waste indicators"),
                        ConsentPurpose.Recipient.city(),
                        List.of(WastePurposes.CATEGORY_WEIGHINGS),
                        Period.ofYears(1)));
    }

    @Override
    public List<CityIndicator> cityIndicators() {
        return WasteIndicators.ALL;
    }
}
