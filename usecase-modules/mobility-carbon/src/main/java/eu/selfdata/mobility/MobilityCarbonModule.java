package eu.selfdata.mobility;

import eu.selfdata.mobility.indicator.MobilityIndicators;
import eu.selfdata.mobility.journey.TripExports;
import eu.selfdata.usecase.api.CitizenTables;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.CityIndicator;
import eu.selfdata.usecase.api.ConsentPurpose;
import eu.selfdata.usecase.api.LegalBasis;
import eu.selfdata.usecase.api.LocalizedText;
import eu.selfdata.usecase.api.PersonalDataCategory;
import eu.selfdata.usecase.api.PersonalDataSource;
import eu.selfdata.usecase.api.PortableFile;
import eu.selfdata.usecase.api.RetentionRule;
import eu.selfdata.usecase.api.UseCaseModule;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * Mobility and carbon (after La Rochelle's TraceMob + Coach CO2 and Lahti's CitiCap): a citizen's
 * traces become trips, legs, modes and CO2e, within a weekly carbon budget; the city sees
 * indicators over those who agreed.
 */
public class MobilityCarbonModule implements UseCaseModule {

    public static final String ID = "mobility-carbon";
    /** "Let my mobility app's operator deliver my traces to my space" (the trace-drop connector). */
    public static final String APP_IMPORT_PURPOSE = "mobility-app-import";

    public static final PersonalDataCategory POINTS = new PersonalDataCategory(
            "trace-points",
            new LocalizedText("Points de localisation", "Location points"),
            new LocalizedText(
                    "Reconstituer vos trajets et leur empreinte carbone, pour vous",
                    "Rebuild your trips and their carbon footprint, for you"),
            LegalBasis.CONSENT,
            Period.ofYears(1));
    static final PersonalDataCategory TRIPS = new PersonalDataCategory(
            MobilityIndicators.CATEGORY,
            new LocalizedText("Trajets, modes et CO2e", "Trips, modes and CO2e"),
            new LocalizedText(
                    "Vous montrer vos trajets, leur CO2e et votre budget carbone hebdomadaire",
                    "Show you your trips, their CO2e and your weekly carbon budget"),
            LegalBasis.CONSENT,
            Period.ofYears(3));

    private static final Instant EVER = Instant.EPOCH;
    private static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

    private final CityDatabase database;
    private final TripExports exports;
    private final PersonalDataSource imports;

    /**
     * @param exports the citizens' trips as GPX and GeoJSON, put in their export archive
     * @param imports the citizens' Takeout imports ({@code TakeoutImportData})
     */
    public MobilityCarbonModule(CityDatabase database, TripExports exports, PersonalDataSource imports) {
        this.database = database;
        this.exports = exports;
        this.imports = imports;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Mobilité et carbone";
    }

    @Override
    public Optional<String> tenantChangelog() {
        return Optional.of("db/mobility-carbon/changelog.xml");
    }

    @Override
    public List<PersonalDataSource> personalData() {
        return List.of(
                new CitizenTables(database, POINTS, """
                        select p.recorded_at, p.lat, p.lon, p.accuracy_m, p.speed_mps, p.activity, p.activity_confidence,
                               u.format as upload_format, u.received_at as uploaded_at
                        from mobility_trace_point p join mobility_upload u on u.id = p.upload_id
                        where p.citizen_id = :citizen order by p.recorded_at""", List.of("mobility_trace_point", "mobility_upload")),
                new CitizenTables(
                                database, TRIPS, """
                        select t.id as trip_id, t.started_at as trip_started_at, t.ended_at as trip_ended_at, t.distance_m as trip_distance_m,
                               l.id as leg_id, l.started_at as leg_started_at, l.ended_at as leg_ended_at, l.distance_m as leg_distance_m,
                               l.median_speed_mps, l.inferred_mode, l.corrected_mode, l.co2e_g, l.factor_version
                        from mobility_leg l join mobility_trip t on t.id = l.trip_id
                        where l.citizen_id = :citizen order by l.started_at""", List.of("mobility_leg_emission", "mobility_leg", "mobility_trip"))
                        .withPortableFiles(
                                new PortableFile(
                                        "trips.gpx",
                                        "application/gpx+xml",
                                        (citizen, out) -> exports.gpx(citizen, EVER, NEVER, out)),
                                new PortableFile(
                                        "trips.geojson",
                                        "application/geo+json",
                                        (citizen, out) -> exports.geoJson(citizen, EVER, NEVER, out))),
                imports);
    }

    /**
     * Raw points go {@code raw-gps-points} days after their trips were derived (on upload: the upload's time), then
     * only trips remain; trips (legs and emissions with them) go after {@code trips} days.
     */
    @Override
    public List<RetentionRule> retentionRules() {
        return List.of(
                new RetentionRule(
                        "raw-gps-points",
                        POINTS.id(),
                        new LocalizedText(
                                "Points GPS bruts, une fois les trajets reconstitués",
                                "Raw GPS points, once their trips are derived"),
                        30,
                        365,
                        List.of("mobility_trace_point", "mobility_upload"),
                        RetentionRule.deleting(database, """
                                delete from mobility_trace_point p using mobility_upload u
                                 where u.id = p.upload_id and u.received_at < :cutoff returning p.citizen_id""")),
                new RetentionRule(
                        "trips",
                        TRIPS.id(),
                        new LocalizedText("Trajets, étapes et leur CO2e", "Trips, legs and their CO2e"),
                        3 * 365,
                        3 * 365,
                        List.of("mobility_trip"),
                        RetentionRule.deleting(
                                database, "delete from mobility_trip where ended_at < :cutoff returning citizen_id")));
    }

    @Override
    public List<ConsentPurpose> consentPurposes() {
        return List.of(
                new ConsentPurpose(
                        APP_IMPORT_PURPOSE,
                        new LocalizedText(
                                "Laisser l'opérateur de mon application de mobilité déposer mes traces dans mon espace",
                                "Let my mobility app's operator deliver my traces to my space"),
                        new LocalizedText(
                                "Les fichiers de traces que l'opérateur dépose sous votre identifiant pseudonyme sont importés "
                                        + "comme vos propres envois ; sans cet accord ils sont refusés.",
                                "Trace files the operator drops under your pseudonymous id are imported as if you had uploaded them; "
                                        + "without this consent they are refused."),
                        ConsentPurpose.Recipient.platform(),
                        List.of(POINTS.id()),
                        Period.ofYears(1)),
                new ConsentPurpose(
                        MobilityIndicators.PURPOSE,
                        new LocalizedText(
                                "Partager mes trajets, anonymisés, avec la ville pour la planification des mobilités",
                                "Share my trips, anonymised, with the city for mobility planning"),
                        new LocalizedText(
                                "La ville voit seulement des totaux (répartition modale, CO2e par semaine, trajets par jour, "
                                        + "origines-destinations sur une maille de 2 km), jamais un trajet, et aucun groupe de moins de k participants.",
                                "The city only sees totals (modal split, CO2e per week, trips per day, origins and destinations on a 2 km grid), "
                                        + "never one trip, and no group of fewer than k participants."),
                        ConsentPurpose.Recipient.city(),
                        List.of(MobilityIndicators.CATEGORY),
                        Period.ofYears(1)));
    }

    @Override
    public List<CityIndicator> cityIndicators() {
        return MobilityIndicators.all();
    }
}
