package eu.selfdata.energywater.reading;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A water operator's daily JSON, {@code {"meter": "W123456", "unit": "L", "readings": [{"date": "2026-01-01",
 * "volume": 123.4}, …]}}, streamed with Jackson's token parser: the unit must come before the readings.
 */
final class WaterJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private WaterJson() {}

    /** Reads the file into {@code days}; returns the meter's number when the file gives it. */
    static Optional<String> read(InputStream in, WaterDays days) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), Utf8.reader(in))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw bad(parser, "the file is not a JSON object");
            }
            Optional<String> meter = Optional.empty();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "meter" -> meter = Optional.of(string(parser, value, field));
                    case "unit" ->
                        days.unit(VolumeUnit.in(string(parser, value, field))
                                .orElseThrow(() -> bad(parser, "unit '" + parser.getString() + "': expected L or m3")));
                    case "readings" -> readings(parser, value, days);
                    default -> parser.skipChildren();
                }
            }
            return meter;
        } catch (JacksonException e) {
            long line =
                    e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            throw new BadReadingFile(line, "not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static void readings(JsonParser parser, JsonToken value, WaterDays days) {
        if (value != JsonToken.START_ARRAY) {
            throw bad(parser, "\"readings\" is not an array");
        }
        if (!days.hasUnit()) {
            throw bad(parser, "\"unit\" must come before \"readings\"");
        }
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
            long line = parser.currentLocation().getLineNr();
            days.count(line);
            String date = null;
            BigDecimal volume = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                JsonToken fieldValue = parser.nextToken();
                switch (field) {
                    case "date" -> date = string(parser, fieldValue, field);
                    case "volume" -> volume = number(parser, fieldValue, line);
                    default -> parser.skipChildren();
                }
            }
            if (date == null || volume == null) {
                throw new BadReadingFile(line, "a reading needs a \"date\" and a \"volume\"");
            }
            days.accept(line, Horodates.day(line, date), volume);
        }
        if (token != JsonToken.END_ARRAY) {
            throw bad(parser, "a reading is not an object");
        }
    }

    private static String string(JsonParser parser, JsonToken value, String field) {
        if (value != JsonToken.VALUE_STRING) {
            throw bad(parser, "\"" + field + "\" is not a string");
        }
        return parser.getString().strip();
    }

    private static BigDecimal number(JsonParser parser, JsonToken value, long line) {
        return switch (value) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Quantities.checked(line, parser.getDecimalValue());
            case VALUE_STRING -> Quantities.parse(line, parser.getString());
            default -> throw new BadReadingFile(line, "\"volume\" is not a number");
        };
    }

    private static BadReadingFile bad(JsonParser parser, String reason) {
        return new BadReadingFile(parser.currentLocation().getLineNr(), reason);
    }
}
