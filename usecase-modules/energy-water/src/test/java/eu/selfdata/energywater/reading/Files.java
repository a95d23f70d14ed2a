package eu.selfdata.energywater.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The committed samples (samples/generate_samples.py writes them) and small files written in the tests. */
final class Files {

    static final String PRM = "12345678901234";
    static final String NAMES = "Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;"
            + "Grandeur metier;Etape metier;Unite;Pas en minutes";

    private Files() {}

    static InputStream sample(String name) {
        InputStream in = Files.class.getResourceAsStream("/samples/" + name);
        if (in == null) {
            throw new IllegalStateException("no sample " + name + ": run samples/generate_samples.py");
        }
        return new BufferedInputStream(in);
    }

    /** What {@code reader} makes of a sample, the sample closed after. */
    static <T> T readSample(String name, Function<InputStream, T> reader) {
        try (InputStream in = sample(name)) {
            return reader.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** That {@code read} refuses the file at {@code line}, saying {@code reason}. */
    static void assertRefused(ThrowingCallable read, long line, String reason) {
        assertThatThrownBy(read)
                .isInstanceOfSatisfying(
                        BadReadingFile.class, e -> assertThat(e.line()).isEqualTo(line))
                .hasMessageContaining(reason);
    }

    static InputStream text(String text) {
        return new BufferedInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** An Enedis export's three first lines for the citizen's PRM. */
    static String enedisHead(String type, String unit, String step) {
        return NAMES + "\n" + PRM + ";" + type + ";01/01/2026;01/01/2027;Energie active;Consommation;Comptage Brut;"
                + unit + ";" + step + "\nHorodate;Valeur\n";
    }

    /** An Enedis export with these rows after its head. */
    static InputStream enedis(String type, String unit, String step, String... rows) {
        return text(enedisHead(type, unit, step) + String.join("\n", rows) + "\n");
    }

    /**
     * The rows of one day of load curve, each {@code end;watts} with the end's offset in Paris; {@code watts} gets
     * the step's index in the day (0 starts at 00:00).
     */
    static List<String> curveDay(LocalDate day, int stepMinutes, IntUnaryOperator watts) {
        List<String> rows = new ArrayList<>();
        ZonedDateTime start = day.atStartOfDay(Horodates.PARIS);
        ZonedDateTime next = day.plusDays(1).atStartOfDay(Horodates.PARIS);
        Duration step = Duration.ofMinutes(stepMinutes);
        int index = 0;
        for (ZonedDateTime end = start.plus(step); !end.isAfter(next); end = end.plus(step), index++) {
            rows.add(end.toOffsetDateTime() + ";" + watts.applyAsInt(index));
        }
        return rows;
    }
}
