package eu.selfdata.energywater.bench;

import static eu.selfdata.energywater.support.EnergyWaterCities.someone;

import eu.selfdata.contract.CitySlug;
import eu.selfdata.energywater.EnergyWaterIndicators;
import eu.selfdata.energywater.importing.ImportLimits;
import eu.selfdata.energywater.importing.ImportReceipt;
import eu.selfdata.energywater.importing.ReadingImport;
import eu.selfdata.energywater.meter.Meter;
import eu.selfdata.energywater.reading.CurvePoint;
import eu.selfdata.energywater.reading.DailyUse;
import eu.selfdata.energywater.reading.EnedisCsv;
import eu.selfdata.energywater.reading.Fluid;
import eu.selfdata.energywater.reading.ReadingSink;
import eu.selfdata.energywater.support.EnergyWaterCities;
import eu.selfdata.testsupport.TestPostgres;
import eu.selfdata.usecase.api.CitizenId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * Issue 19's figures, not a test (run by {@code bench/energy-water/run.sh}): one household's three years of
 * 30-minute load curve imported through the module, beside a raw COPY of the same rows; and a city indicator's
 * query over {@code bench.households} households with a year of daily readings each.
 */
class EnergyWaterBench {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String PRM = "12345678901234";

    private final EnergyWaterCities fixture = new EnergyWaterCities();
    private final ReadingImport imports =
            new ReadingImport(fixture.cities, fixture.meters, fixture.alerts, new ImportLimits(1L << 30, 10_000_000));

    @Test
    void threeYearsOfLoadCurveAndACityIndicator() throws Exception {
        byte[] file = threeYearsOfCurve();
        importInto(fixture.onboard("bench-warm"), file);

        String city = fixture.onboard("bench");
        long start = System.nanoTime();
        ImportReceipt receipt = importInto(city, file);
        double importSeconds = (System.nanoTime() - start) / 1e9;
        long rows = receipt.curveSteps() + receipt.days();
        double copySeconds = rawCopy(city, file);
        long parseStart = System.nanoTime();
        EnedisCsv.read(new ByteArrayInputStream(file), PRM, 10_000_000, new ReadingSink() {
            @Override
            public void daily(DailyUse use) {}

            @Override
            public void curve(CurvePoint point) {}
        });
        double parseSeconds = (System.nanoTime() - parseStart) / 1e9;
        System.out.printf("BENCH energy-water import bytes=%d receipt=%s%n", file.length, receipt);
        System.out.printf(
                "BENCH energy-water import: %.2f s, %.0f rows/s (%d curve steps + %d days)%n",
                importSeconds, rows / importSeconds, receipt.curveSteps(), receipt.days());
        System.out.printf(
                "BENCH energy-water parse alone (no store): %.2f s, %.0f rows/s%n", parseSeconds, rows / parseSeconds);
        System.out.printf(
                "BENCH energy-water raw COPY of the curve into a table keyed like ew_curve: %.2f s; import/COPY throughput ratio %.2f%n",
                copySeconds, copySeconds / importSeconds);

        int households = Integer.getInteger("bench.households", 10_000);
        String statistics = fixture.onboard("bench-city");
        seedHouseholds(statistics, households);
        for (int round = 0; round < 3; round++) {
            long indicatorStart = System.nanoTime();
            long groups = indicator(statistics);
            System.out.printf(
                    "BENCH energy-water indicator %s over %d households x 365 days: %d groups in %.2f s%n",
                    EnergyWaterIndicators.ENERGY_PER_HOUSEHOLD_MONTH.id(),
                    households,
                    groups,
                    (System.nanoTime() - indicatorStart) / 1e9);
        }
    }

    private ImportReceipt importInto(String city, byte[] file) {
        CitizenId citizen = someone();
        Meter meter = fixture.meterOf(city, citizen, Fluid.ELECTRICITY, PRM);
        return fixture.cities.asCitizen(
                city, citizen, () -> imports.importFile(citizen, meter.id(), new ByteArrayInputStream(file)));
    }

    /** 2023-01-01 to 2025-12-31 in 30-minute steps, as Enedis exports a load curve (W, end of each step). */
    static byte[] threeYearsOfCurve() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2_000_000);
        out.writeBytes(("Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;Grandeur metier;"
                        + "Etape metier;Unite;Pas en minutes\n" + PRM
                        + ";Courbe de charge;01/01/2023;01/01/2026;Energie active;Consommation;Comptage Brut;W;30\n"
                        + "Horodate;Valeur\n")
                .getBytes(StandardCharsets.UTF_8));
        ZonedDateTime end = ZonedDateTime.of(2023, 1, 1, 0, 30, 0, 0, PARIS);
        ZonedDateTime last = ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, PARIS);
        for (int step = 0; !end.isAfter(last); step++, end = end.plusMinutes(30)) {
            String row = end.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + ";" + (300 + (step * 37) % 2500) + "\n";
            out.writeBytes(row.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** The same steps straight into a table of the curve's columns and keys, from a CSV the server parses itself. */
    private double rawCopy(String city, byte[] file) throws Exception {
        String table = CitySlug.of(city).quotedSchema() + ".copy_target";
        StringBuilder csv = new StringBuilder();
        String lines = new String(file, StandardCharsets.UTF_8);
        lines.lines().skip(3).forEach(line -> csv.append(line.replace(';', ',')).append('\n'));
        byte[] rows = csv.toString().getBytes(StandardCharsets.UTF_8);
        TestPostgres.ConnectionInfo info = TestPostgres.connectionInfo();
        try (Connection connection = DriverManager.getConnection(info.jdbcUrl(), info.username(), info.password());
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "create table " + table + " (interval_end timestamptz primary key, average_watts integer)");
            long start = System.nanoTime();
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy " + table + " from stdin with (format csv)", new ByteArrayInputStream(rows));
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private void seedHouseholds(String city, int households) {
        String schema = CitySlug.of(city).quotedSchema();
        fixture.cities
                .platform()
                .sql("insert into " + schema + ".ew_meter (id, citizen_id, fluid, identifier) "
                        + "select gen_random_uuid(), gen_random_uuid(), 'ELECTRICITY', lpad(i::text, 14, '0') "
                        + "from generate_series(1, ?) i")
                .param(households)
                .update();
        fixture.cities
                .platform()
                .sql("insert into " + schema + ".ew_daily (meter_id, citizen_id, day, watt_hours, source) "
                        + "select m.id, m.citizen_id, date '2025-01-01' + d, 4000 + (d * 37 + length(m.identifier)) % 9000, 'FILE' "
                        + "from " + schema + ".ew_meter m cross join generate_series(0, 364) d")
                .update();
        fixture.cities.platform().sql("analyze " + schema + ".ew_daily").update();
    }

    /** The indicator's rows summed per household and group, clamped to the cap, then per group, as the core does before k and noise. */
    private long indicator(String city) {
        double cap = EnergyWaterIndicators.ENERGY_PER_HOUSEHOLD_MONTH.noise().contributionCap();
        return fixture.cities.call(
                city,
                () -> fixture.cities
                        .jdbc()
                        .sql("select count(*) from (select group_key, count(*), sum(least(greatest(v, 0), " + cap + "))"
                                + " from (select group_key, citizen_id, sum(value) as v from ("
                                + EnergyWaterIndicators.ENERGY_PER_HOUSEHOLD_MONTH.sql()
                                + ") cells group by group_key, citizen_id) households group by group_key) groups")
                        .query(Long.class)
                        .single());
    }
}
