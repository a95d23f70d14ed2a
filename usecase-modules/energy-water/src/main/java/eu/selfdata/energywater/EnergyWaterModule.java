package eu.selfdata.energywater;

import eu.selfdata.contract.problem.PlatformProblem;
import eu.selfdata.energywater.reading.Fluid;
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
 * Electricity, gas and water of the home (after Lyon's Ecolyo): the citizen's meters, their daily consumption and
 * electricity load curve, priced and counted in CO2e. Its changelog ({@code db/energy-water/changelog.xml}) and
 * portal texts ({@code messages/energy-water}) sit at the SPI's default paths: the host needs no edit.
 */
public class EnergyWaterModule implements UseCaseModule {

    public static final String ID = "energy-water";

    static final PersonalDataCategory METERS = category(
            EnergyWaterPurposes.CATEGORY_METERS,
            "Mes compteurs",
            "My meters",
            "Relier vos compteurs d'électricité, de gaz et d'eau pour en importer la consommation",
            "Link your electricity, gas and water meters to import their consumption");
    static final PersonalDataCategory IMPORTS = category(
            EnergyWaterPurposes.CATEGORY_IMPORTS,
            "Historique de mes imports",
            "History of my imports",
            "Vous montrer ce que chaque fichier ou chaque transfert a importé",
            "Show you what each file or transfer imported");
    static final PersonalDataCategory DAILY = category(
            EnergyWaterPurposes.CATEGORY_DAILY,
            "Ma consommation quotidienne",
            "My daily consumption",
            "Vous montrer vos kWh, litres, euros et CO2e par jour, semaine, mois et année",
            "Show you your kWh, litres, euros and CO2e per day, week, month and year");
    static final PersonalDataCategory LOAD_CURVE = category(
            EnergyWaterPurposes.CATEGORY_LOAD_CURVE,
            "Ma courbe de charge électrique",
            "My electricity load curve",
            "Vous montrer votre puissance toutes les 30 minutes (elle révèle vos heures de présence)",
            "Show you your power every 30 minutes (it reveals when you are at home)");
    static final PersonalDataCategory MAX_POWER = category(
            EnergyWaterPurposes.CATEGORY_MAX_POWER,
            "Ma puissance maximale quotidienne",
            "My daily maximum power",
            "Vous aider à choisir la puissance de votre abonnement",
            "Help you choose your contract's power");

    static final PersonalDataCategory WATER_THRESHOLD = category(
            EnergyWaterPurposes.CATEGORY_WATER_THRESHOLD,
            "Mon seuil d'alerte sur l'eau",
            "My water alert threshold",
            "Vous prévenir d'une fuite possible quand un jour dépasse ce volume",
            "Warn you of a possible leak when a day uses more than this");
    static final PersonalDataCategory LEAK_ALERTS = category(
            EnergyWaterPurposes.CATEGORY_LEAK_ALERTS,
            "Mes alertes de fuite",
            "My leak alerts",
            "Vous montrer les jours où l'eau a dépassé votre seuil",
            "Show you the days your water use passed your threshold");

    private final CityDatabase database;

    public EnergyWaterModule(CityDatabase database) {
        this.database = database;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Énergie et eau / Energy and water";
    }

    @Override
    public List<PlatformProblem> problems() {
        return EnergyWaterProblems.ALL;
    }

    @Override
    public List<PersonalDataSource> personalData() {
        return List.of(
                CitizenTables.table(database, DAILY, "ew_daily", "day, meter_id"),
                CitizenTables.table(database, LOAD_CURVE, "ew_curve", "interval_end, meter_id"),
                CitizenTables.table(database, MAX_POWER, "ew_max_power", "day, meter_id"),
                CitizenTables.table(database, IMPORTS, "ew_import", "imported_at, id"),
                CitizenTables.table(database, LEAK_ALERTS, "ew_alert", "day, id"),
                CitizenTables.table(database, WATER_THRESHOLD, "ew_water_threshold", "updated_at"),
                // Last: the readings above point at the meter.
                CitizenTables.table(database, METERS, "ew_meter", "linked_at, id"));
    }

    @Override
    public List<ConsentPurpose> consentPurposes() {
        return List.of(
                importPurpose(
                        Fluid.ELECTRICITY,
                        "Importer la consommation de mon compteur d'électricité",
                        "Import my electricity meter's consumption",
                        "Linky : consommation quotidienne, courbe de charge et puissance maximale, depuis vos fichiers Enedis ou par transfert direct",
                        "Linky: daily consumption, load curve and maximum power, from your Enedis files or by direct transfer"),
                importPurpose(
                        Fluid.GAS,
                        "Importer la consommation de mon compteur de gaz",
                        "Import my gas meter's consumption",
                        "Gazpar : consommation quotidienne en m³ et en kWh, depuis vos fichiers GRDF ou par transfert direct",
                        "Gazpar: daily consumption in m³ and kWh, from your GRDF files or by direct transfer"),
                importPurpose(
                        Fluid.WATER,
                        "Importer la consommation de mon compteur d'eau",
                        "Import my water meter's consumption",
                        "Consommation quotidienne en litres, depuis les fichiers de votre service d'eau ou par transfert direct",
                        "Daily consumption in litres, from your water operator's files or by direct transfer"),
                new ConsentPurpose(
                        EnergyWaterPurposes.CITY_STATISTICS,
                        new LocalizedText(
                                "Compter ma consommation dans les statistiques de la ville",
                                "Count my consumption in the city's statistics"),
                        new LocalizedText(
                                "Ma consommation compte, seulement en agrégat, dans les indicateurs énergie et eau de la ville",
                                "My consumption counts, only in aggregate, in the city's energy and water indicators"),
                        ConsentPurpose.Recipient.city(),
                        List.of(EnergyWaterPurposes.CATEGORY_DAILY),
                        Period.ofYears(1)));
    }

    @Override
    public List<CityIndicator> cityIndicators() {
        return EnergyWaterIndicators.ALL;
    }

    private static ConsentPurpose importPurpose(
            Fluid fluid, String titleFr, String titleEn, String descriptionFr, String descriptionEn) {
        return new ConsentPurpose(
                EnergyWaterPurposes.importPurpose(fluid),
                new LocalizedText(titleFr, titleEn),
                new LocalizedText(descriptionFr, descriptionEn),
                ConsentPurpose.Recipient.platform(),
                fluid == Fluid.ELECTRICITY
                        ? List.of(
                                EnergyWaterPurposes.CATEGORY_METERS,
                                EnergyWaterPurposes.CATEGORY_DAILY,
                                EnergyWaterPurposes.CATEGORY_LOAD_CURVE,
                                EnergyWaterPurposes.CATEGORY_MAX_POWER)
                        : List.of(EnergyWaterPurposes.CATEGORY_METERS, EnergyWaterPurposes.CATEGORY_DAILY),
                Period.ofYears(1));
    }

    private static PersonalDataCategory category(
            String id, String nameFr, String nameEn, String purposeFr, String purposeEn) {
        return new PersonalDataCategory(
                id,
                new LocalizedText(nameFr, nameEn),
                new LocalizedText(purposeFr, purposeEn),
                LegalBasis.CONSENT,
                Period.ofYears(3));
    }
}
