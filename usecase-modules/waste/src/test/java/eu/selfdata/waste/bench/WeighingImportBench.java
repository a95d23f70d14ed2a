package eu.selfdata.waste.bench;

import eu.selfdata.contract.CitySlug;
import eu.selfdata.waste.support.WasteConnectorTest;
import eu.selfdata.waste.weighing.ImportReport;
import eu.selfdata.waste.weighing.WeighingCsv;
import eu.selfdata.waste.weighing.WeighingImport;
import eu.selfdata.waste.weighing.WeighingsFolderTemplate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CSV import rows per second for a large operator file, and the same rows through a raw
 * PostgreSQL COPY into a table of the file's columns, for the ratio. Not a test: run by
 * {@code bench/waste/csv-import.sh} ({@code -Dtest=WeighingImportBench}).
 */
class WeighingImportBench extends WasteConnectorTest {

    @Autowired
    WeighingImport weighingImport;

    @Test
    void importRowsPerSecond() throws Exception {
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        double linkedShare = Double.parseDouble(System.getProperty("bench.linked", "0.1"));
        int bins = 20_000;
        WeighingCsv csv = WeighingCsv.of("UTF-8", ",", "Europe/Paris");

        String warmUp = cities.onboard(freshCity("bench-warm"));
        weighingImport.importFile(warmUp, source("warm"), csv, ZoneId.of("Europe/Paris"), spool(file(50_000, bins)));

        String city = cities.onboard(freshCity("bench"));
        int linked = (int) (bins * linkedShare);
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("insert into " + CitySlug.of(city).quotedSchema()
                    + ".waste_bin_link (bin_id, citizen_id, household_size, proof) "
                    + "select 'B' || i, gen_random_uuid(), 2, 'CODE' from generate_series(0, " + (linked - 1) + ") i");
        }
        // The stand-in consent ledger answers for the linked citizens.
        jdbc().sql("select citizen_id from " + table(city, "waste_bin_link"))
                .query(java.util.UUID.class)
                .list()
                .forEach(citizen -> consents.give(
                        new eu.selfdata.usecase.api.CitizenId(citizen),
                        eu.selfdata.waste.WastePurposes.IMPORT_WEIGHINGS));
        byte[] content = file(rows, bins);
        Path spooled = spool(content);

        long start = System.nanoTime();
        ImportReport report = weighingImport.importFile(city, source("bench"), csv, ZoneId.of("Europe/Paris"), spooled);
        double importSeconds = (System.nanoTime() - start) / 1e9;

        long copyStart = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "create temporary table copy_target (bin_id varchar(64), collected_at timestamptz, stream varchar(12), "
                            + "weight_kg numeric(7,3), round varchar(64))");
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "copy copy_target from stdin with (format csv, header true)",
                            new ByteArrayInputStream(content));
        }
        double copySeconds = (System.nanoTime() - copyStart) / 1e9;

        System.out.printf("BENCH csv-import rows=%d linked-share=%.2f bytes=%d%n", rows, linkedShare, content.length);
        System.out.printf("BENCH csv-import report=%s%n", report);
        System.out.printf("BENCH csv-import import: %.2f s, %.0f rows/s%n", importSeconds, rows / importSeconds);
        System.out.printf("BENCH csv-import raw COPY: %.2f s, %.0f rows/s%n", copySeconds, rows / copySeconds);
        System.out.printf("BENCH csv-import import/COPY throughput ratio: %.2f%n", copySeconds / importSeconds);
    }

    private static WeighingImport.Source source(String name) {
        return new WeighingImport.Source(
                WeighingsFolderTemplate.ID, name + ".csv", "sha256:" + name + "-" + System.nanoTime());
    }

    /** An operator's file: bins B0..B{bins-1} emptied in turn, one row a minute, the four streams. */
    static byte[] file(int rows, int bins) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows * 60);
        out.writeBytes("bin_id,timestamp,stream,weight_kg,round\n".getBytes(StandardCharsets.UTF_8));
        String[] streams = {"residual", "recyclables", "glass", "biowaste"};
        Instant start = Instant.parse("2025-01-01T06:00:00Z");
        StringBuilder line = new StringBuilder(80);
        for (int i = 0; i < rows; i++) {
            line.setLength(0);
            line.append('B')
                    .append(i % bins)
                    .append(',')
                    .append(start.plusSeconds(60L * i))
                    .append(',')
                    .append(streams[(i / bins) % 4])
                    .append(',')
                    .append(5 + i % 20)
                    .append('.')
                    .append(i % 10)
                    .append(",R")
                    .append(i % 12)
                    .append('\n');
            out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** The file as the connector hands it over: on local disk. */
    private static Path spool(byte[] content) throws java.io.IOException {
        Path file = java.nio.file.Files.createTempFile("weighings-bench", ".csv");
        file.toFile().deleteOnExit();
        return java.nio.file.Files.write(file, content);
    }
}
