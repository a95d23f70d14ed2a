package eu.selfdata.waste.weighing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import eu.selfdata.connectors.ConnectorHost;
import eu.selfdata.connectors.DeadLetter;
import eu.selfdata.connectors.DeadLetters;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.ConsentChanged;
import eu.selfdata.usecase.api.ConsentState;
import eu.selfdata.waste.WastePurposes;
import eu.selfdata.waste.support.WasteConnectorTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

class WeighingsFolderTemplateTest extends WasteConnectorTest {

    @TempDir
    Path temp;

    static final String HEADER = "bin_id,timestamp,stream,weight_kg,round\n";

    /** Good rows (a linked bin, two others) and one bad row of each kind, line numbers 2 to 10. */
    static byte[] mixedFile(String linkedBin) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes((HEADER
                        + linkedBin + ",2026-03-02T07:15:00+01:00,residual,12.5,R1\n"
                        + linkedBin + ",2026-03-02T07:16:00+01:00,recyclables,4.2,R1\n"
                        + "LR-9999,2026-03-02T07:20:00+01:00,glass,8,R1\n"
                        + "LR-0002,2026-03-02T07:25:00+01:00,residual\n"
                        + "LR-0003,2026-03-02T07:30:00+01:00,residual,-3,R1\n"
                        + "LR-0004,2026-03-02T07:35:00+01:00,plastic,3,R1\n"
                        + "LR-0005,2026-02-30T07:40:00+01:00,residual,3,R1\n")
                .getBytes(StandardCharsets.UTF_8));
        file.writeBytes("LR-0006,2026-03-02T07:45:00+01:00,biowaste,2,Tourn".getBytes(StandardCharsets.UTF_8));
        file.write(0xE9); // Latin-1 'é' in a UTF-8 file
        file.writeBytes("e\nLR-0007,2026-03-02 07:50,biowaste,\"1,5\",R2".getBytes(StandardCharsets.UTF_8));
        return file.toByteArray();
    }

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    ConnectorHost host;

    @Autowired
    WeighingImport weighingImport;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void goodRowsAreImportedAndEachBadRowIsDeadLetteredWithItsLineAndReason() {
        String city = cities.onboard(freshCity("larochelle"));
        CitizenId camille = linkBin(city, "LR-0001");

        drop(folder(city, "inbox"), "weighings-2026-03.csv", mixedFile("LR-0001"));
        awaitFileIn(folder(city, "done"), "weighings-2026-03.csv");

        assertThat(jdbc().sql("select bin_id, stream, grams, round, citizen_id from " + table(city, "waste_weighing")
                                + " order by collected_at")
                        .query((rs, row) -> List.of(
                                rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5)))
                        .list())
                .containsExactly(
                        List.of("LR-0001", "RESIDUAL", 12_500, "R1", camille.toString()),
                        List.of("LR-0001", "RECYCLABLES", 4_200, "R1", camille.toString()));
        assertThat(jdbc().sql("select stream, sum(weighings), sum(grams) from " + table(city, "waste_anonymous_tonnage")
                                + " group by stream order by stream")
                        .query((rs, row) -> List.of(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                        .list())
                .containsExactly(List.of("BIOWASTE", 1L, 1_500L), List.of("GLASS", 1L, 8_000L));
        Map<Long, String> reasons = new java.util.TreeMap<>();
        deadLetters
                .list(city, Optional.of(WeighingsFolderTemplate.ID), Optional.of(DeadLetter.Status.OPEN), 100)
                .forEach(letter -> reasons.put(letter.lineNumber(), letter.reason()));
        assertThat(reasons.keySet()).containsExactly(5L, 6L, 7L, 8L, 9L);
        assertThat(reasons.get(5L)).contains("missing column");
        assertThat(reasons.get(6L)).contains("negative weight");
        assertThat(reasons.get(7L)).contains("unknown stream 'plastic'");
        assertThat(reasons.get(8L)).contains("bad date '2026-02-30T07:40:00+01:00'");
        assertThat(reasons.get(9L)).contains("not valid in encoding UTF-8");
        assertThat(files(folder(city, "failed"))).isEmpty();
        assertThat(accessLog.of(camille)).singleElement().satisfies(entry -> {
            assertThat(entry.categoryId()).isEqualTo(WastePurposes.CATEGORY_WEIGHINGS);
            assertThat(entry.reason()).contains("imported 2 weighing(s)").contains("weighings-2026-03.csv");
        });
    }

    @Test
    void theSameFileDroppedAgainImportsNothingTwice() {
        String city = cities.onboard(freshCity("larochelle"));
        linkBin(city, "LR-0001");
        drop(folder(city, "inbox"), "first.csv", mixedFile("LR-0001"));
        awaitFileIn(folder(city, "done"), "first.csv");

        drop(folder(city, "inbox"), "again.csv", mixedFile("LR-0001"));
        awaitFileIn(folder(city, "done"), "again.csv");

        assertThat(cities.count(city, "waste_weighing")).isEqualTo(2);
        assertThat(jdbc().sql("select sum(weighings) from " + table(city, "waste_anonymous_tonnage"))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(deadLetters.list(city, Optional.empty(), Optional.empty(), 100))
                .hasSize(5)
                .allSatisfy(letter -> assertThat(letter.attempts()).isEqualTo(1));
    }

    @Test
    void aCrashMidFileThenARestartImportsEveryGoodRowExactlyOnce() throws IOException {
        String city = cities.onboard(freshCity("larochelle"));
        for (int bin = 0; bin < 10; bin++) {
            linkBin(city, "LR-A" + bin);
        }
        StringBuilder csv = new StringBuilder(HEADER);
        int rows = 3 * WeighingImport.CHUNK;
        for (int i = 0; i < rows; i++) {
            // bins LR-A0..LR-A99: a tenth are linked; one row in 1000 is bad
            String weight = i % 1000 == 999 ? "-1" : "1." + (i % 10);
            csv.append("LR-A")
                    .append(i % 100)
                    .append(',')
                    .append(java.time.Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * i))
                    .append(",residual,")
                    .append(weight)
                    .append(",R")
                    .append(i % 7)
                    .append('\n');
        }
        byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
        WeighingCsv reader = WeighingCsv.of("UTF-8", ",", "Europe/Paris");
        WeighingImport.Source source =
                new WeighingImport.Source(WeighingsFolderTemplate.ID, "big.csv", "sha256:crash-test");

        // The crash hits the streaming import itself, after some chunks committed (importFile would first copy the
        // stream).
        assertThatThrownBy(() -> weighingImport.importRows(
                        city,
                        source,
                        reader,
                        ZoneId.of("Europe/Paris"),
                        crashingAfter(content, content.length * 6 / 10)))
                .isInstanceOf(SimulatedCrash.class);
        long storedBeforeRestart = cities.count(city, "waste_weighing");
        assertThat(storedBeforeRestart).isPositive().isLessThan(rows / 10);

        // Restart: the file was never moved, the connector finds it again.
        WeighingImport.Source sameFile =
                new WeighingImport.Source(WeighingsFolderTemplate.ID, "big.csv", "sha256:crash-test");
        weighingImport.importFile(
                city, sameFile, reader, ZoneId.of("Europe/Paris"), Files.write(temp.resolve("big.csv"), content));

        long bad = rows / 1000;
        long linkedGood = java.util.stream.IntStream.range(0, rows)
                .filter(i -> i % 100 < 10 && i % 1000 != 999)
                .count();
        assertThat(cities.count(city, "waste_weighing")).isEqualTo(linkedGood);
        assertThat(jdbc().sql("select sum(weighings) from " + table(city, "waste_anonymous_tonnage"))
                        .query(Long.class)
                        .single())
                .isEqualTo(rows - bad - linkedGood);
        assertThat(cities.count(city, "connector_dead_letter")).isEqualTo(bad);
    }

    @Test
    void theFolderConnectorResumesAFileLeftInTheInboxByACrash() {
        String city = cities.onboard(freshCity("larochelle"));
        linkBin(city, "LR-0001");
        byte[] content = mixedFile("LR-0001");
        WeighingCsv reader = WeighingCsv.of("UTF-8", ",", "Europe/Paris");
        String key = "sha256:" + java.util.HexFormat.of().formatHex(sha256(content));
        assertThatThrownBy(() -> weighingImport.importRows(
                        city,
                        new WeighingImport.Source(WeighingsFolderTemplate.ID, "left.csv", key),
                        reader,
                        ZoneId.of("Europe/Paris"),
                        crashingAfter(content, content.length - 5)))
                .isInstanceOf(SimulatedCrash.class);

        drop(folder(city, "inbox"), "left.csv", content);
        awaitFileIn(folder(city, "done"), "left.csv");

        assertThat(cities.count(city, "waste_weighing")).isEqualTo(2);
        assertThat(jdbc().sql("select sum(weighings) from " + table(city, "waste_anonymous_tonnage"))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(cities.count(city, "connector_dead_letter")).isEqualTo(5);
    }

    @Test
    void aFileWithoutTheExpectedHeaderGoesToTheFailedFolderWithItsReason() {
        String city = cities.onboard(freshCity("larochelle"));
        drop(folder(city, "inbox"), "export.csv", "bin;date;kg\nLR-1;2026-03-02;3\n".getBytes(StandardCharsets.UTF_8));
        awaitFileIn(folder(city, "failed"), "export.csv");

        await().untilAsserted(() -> assertThat(deadLetters.list(city, Optional.empty(), Optional.empty(), 10))
                .singleElement()
                .satisfies(letter -> {
                    assertThat(letter.lineNumber()).isNull();
                    assertThat(letter.source()).isEqualTo("export.csv");
                    assertThat(letter.reason()).contains("header lacks column(s)");
                }));
        assertThat(host.running(city, WeighingsFolderTemplate.ID)).isPresent();
    }

    @Test
    void afterTheImportConsentIsWithdrawnTheNextFileKeepsThatBinOnlyInCounts() {
        String city = cities.onboard(freshCity("larochelle"));
        CitizenId camille = linkBin(city, "LR-0001");
        drop(folder(city, "inbox"), "march.csv", mixedFile("LR-0001"));
        awaitFileIn(folder(city, "done"), "march.csv");

        events.publishEvent(new ConsentChanged(city, camille, WastePurposes.IMPORT_WEIGHINGS, ConsentState.WITHDRAWN));
        String april = HEADER + "LR-0001,2026-04-02T07:15:00+02:00,residual,11,R1\n";
        drop(folder(city, "inbox"), "april.csv", april.getBytes(StandardCharsets.UTF_8));
        awaitFileIn(folder(city, "done"), "april.csv");

        assertThat(jdbc().sql("select count(*) from " + table(city, "waste_weighing")
                                + " where collected_at >= '2026-04-01'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc().sql("select sum(grams) from " + table(city, "waste_anonymous_tonnage")
                                + " where month = '2026-04-01'")
                        .query(Long.class)
                        .single())
                .isEqualTo(11_000);
        assertThat(jdbc().sql("select import_active from " + table(city, "waste_bin_link")
                                + " where bin_id = 'LR-0001'")
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }

    @Test
    void aFileInOneCitysFolderNeverLandsInAnotherCitysSchema() {
        String larochelle = cities.onboard(freshCity("larochelle"));
        String lyon = cities.onboard(freshCity("lyon"));
        CitizenId lyonCitizen = linkBin(lyon, "LY-0001");

        drop(
                folder(larochelle, "inbox"),
                "lyon-bins.csv",
                (HEADER + "LY-0001,2026-03-02T07:15:00+01:00,glass,5,R1\n").getBytes(StandardCharsets.UTF_8));
        awaitFileIn(folder(larochelle, "done"), "lyon-bins.csv");

        assertThat(cities.count(lyon, "waste_weighing")).isZero();
        assertThat(cities.count(lyon, "waste_anonymous_tonnage")).isZero();
        assertThat(cities.count(lyon, "connector_processed")).isZero();
        assertThat(cities.count(larochelle, "waste_weighing")).isZero();
        assertThat(cities.count(larochelle, "waste_anonymous_tonnage")).isEqualTo(1);
        assertThat(accessLog.of(lyonCitizen)).isEmpty();
        assertThat(host.running(larochelle, WeighingsFolderTemplate.ID))
                .get()
                .satisfies(instance ->
                        assertThat(instance.routeId()).isEqualTo(larochelle + "." + WeighingsFolderTemplate.ID));
    }

    @Test
    void aDeadLetterCorrectedByTheCityAdminIsImportedOnRetry() {
        String city = cities.onboard(freshCity("larochelle"));
        CitizenId camille = linkBin(city, "LR-0003");
        drop(folder(city, "inbox"), "march.csv", mixedFile("LR-0001"));
        awaitFileIn(folder(city, "done"), "march.csv");
        DeadLetter negative = deadLetters.list(city, Optional.empty(), Optional.empty(), 100).stream()
                .filter(letter -> letter.lineNumber() == 6L)
                .findFirst()
                .orElseThrow();
        var template = host.template(WeighingsFolderTemplate.ID).orElseThrow();
        var instance = host.running(city, WeighingsFolderTemplate.ID).orElseThrow();

        assertThatThrownBy(() -> template.replay(instance, negative, negative.record()))
                .hasMessageContaining("negative weight");
        template.replay(instance, negative, negative.record().replace(",-3,", ",3,"));
        template.replay(instance, negative, negative.record().replace(",-3,", ",3,"));

        assertThat(jdbc().sql("select grams from " + table(city, "waste_weighing") + " where citizen_id = ?")
                        .param(camille.value())
                        .query(Integer.class)
                        .list())
                .containsExactly(3_000);
    }

    static byte[] sha256(byte[] content) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads normally, then dies like a killed process would, past {@code limit} bytes. */
    static InputStream crashingAfter(byte[] content, int limit) {
        return new FilterInputStream(new ByteArrayInputStream(content)) {
            private int read;

            @Override
            public int read() throws java.io.IOException {
                check(1);
                return super.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
                check(length);
                int n = super.read(buffer, offset, Math.min(length, 1024));
                read += Math.max(n, 0);
                return n;
            }

            private void check(int wanted) {
                if (read >= limit) {
                    throw new SimulatedCrash();
                }
            }
        };
    }

    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("process killed");
        }
    }
}
