package eu.selfdata.energywater.reading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GRDF's informative data as ADICT's {@code donnees_consos_informatives} returns it: one JSON object a line, its
 * figures under {@code consommation} and its meter under {@code pce}, or both flat at the top.
 */
final class GrdfNdJson {

    // decimals as written: a double would turn 1.1 m³ into 1100.0000000000002 litres before rounding
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private GrdfNdJson() {}

    static void read(InputStream in, InformativeDays days) {
        try (BufferedReader reader = Utf8.reader(in)) {
            long line = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                days.count(line);
                days.accept(day(line, object(line, text)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode object(long line, String text) {
        if (text.indexOf(Utf8.NOT_UTF8) >= 0) {
            throw new BadReadingFile(line, "the text is not UTF-8");
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (!node.isObject()) {
                throw new BadReadingFile(line, "not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new BadReadingFile(line, "not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static InformativeDay day(long line, JsonNode row) {
        JsonNode figures = row.path("consommation").isObject() ? row.path("consommation") : row;
        JsonNode pce = row.path("pce");
        Optional<String> id =
                text(pce.isObject() ? pce.path(InformativeDay.PCE) : pce).or(() -> text(row.path(InformativeDay.PCE)));
        return new InformativeDay(
                line,
                id,
                text(figures.path(InformativeDay.START))
                        .map(start -> Horodates.day(line, start))
                        .orElseThrow(() -> new BadReadingFile(line, "no " + InformativeDay.START)),
                text(figures.path(InformativeDay.END)).map(end -> Horodates.day(line, end)),
                number(line, figures, InformativeDay.VOLUME),
                number(line, figures, InformativeDay.COEFFICIENT),
                number(line, figures, InformativeDay.ENERGY));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isString() && !node.stringValue().isBlank()
                ? Optional.of(node.stringValue().strip())
                : Optional.empty();
    }

    /** GRDF writes numbers as JSON numbers or as strings; null is a day without that figure. */
    private static Optional<BigDecimal> number(long line, JsonNode figures, String field) {
        JsonNode node = figures.path(field);
        if (node.isNumber()) {
            return Optional.of(Quantities.checked(line, node.decimalValue()));
        }
        if (node.isString()) {
            return Quantities.parseIfAny(line, node.stringValue());
        }
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        throw new BadReadingFile(line, field + " is not a number");
    }
}
