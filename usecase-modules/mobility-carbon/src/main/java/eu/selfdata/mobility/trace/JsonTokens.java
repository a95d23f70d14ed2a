package eu.selfdata.mobility.trace;

import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** Shared pieces of the two JSON readers: a streaming parser and problem details that say where. */
final class JsonTokens {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonTokens() {}

    static JsonParser parser(InputStream in) {
        return FACTORY.createParser(ObjectReadContext.empty(), in);
    }

    /** The first token; a body of blanks only is an empty upload. */
    static JsonToken first(JsonParser parser) {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new InvalidTraceException(TraceProblem.EMPTY, "the upload is empty");
        }
        return token;
    }

    static JsonToken next(JsonParser parser) {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new InvalidTraceException(TraceProblem.MALFORMED, "the JSON ends early");
        }
        return token;
    }

    static void expect(JsonParser parser, JsonToken actual, JsonToken expected, String what) {
        if (actual != expected) {
            throw malformed(parser, what + " expected, found " + actual);
        }
    }

    static double number(JsonParser parser, String field) {
        JsonToken token = next(parser);
        if (!token.isNumeric()) {
            throw malformed(parser, "'" + field + "' must be a number");
        }
        return parser.getDoubleValue();
    }

    /** An instant as an ISO 8601 string or epoch milliseconds; the parser is on the value. */
    static long time(JsonParser parser, JsonToken token) {
        if (token == JsonToken.VALUE_STRING) {
            return Timestamps.parse(parser.getString());
        }
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getLongValue();
        }
        throw malformed(parser, "a time is an ISO 8601 string or epoch milliseconds");
    }

    /** An ISO 8601 instant the parser is on, refused naming its place (Takeout's times). */
    static long isoTime(JsonParser parser, JsonToken token) {
        if (token != JsonToken.VALUE_STRING) {
            throw at(parser, TraceProblem.MALFORMED, "a time is an ISO 8601 string");
        }
        try {
            return Timestamps.parse(parser.getString());
        } catch (InvalidTraceException e) {
            throw e.at("at " + place(parser));
        }
    }

    static InvalidTraceException malformed(JsonParser parser, String message) {
        return new InvalidTraceException(TraceProblem.MALFORMED, where(parser) + ": " + message);
    }

    static String where(JsonParser parser) {
        var location = parser.currentLocation();
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The place of the current token as a JSON pointer (RFC 6901) and a line and column, e.g. "/locations/12/latitudeE7 (line 80, column 25)". */
    static String place(JsonParser parser) {
        String pointer = parser.streamReadContext().pathAsPointer().toString();
        return (pointer.isEmpty() ? "/" : pointer) + " (" + where(parser) + ")";
    }

    /** A problem at the parser's place. */
    static InvalidTraceException at(JsonParser parser, TraceProblem problem, String message) {
        return new InvalidTraceException(problem, "at " + place(parser) + ": " + message);
    }

    /** Turns Jackson's syntax errors into a problem naming the place. */
    static InvalidTraceException syntax(JacksonException e) {
        var location = e.getLocation();
        String where =
                location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return new InvalidTraceException(
                TraceProblem.MALFORMED, "not valid JSON" + where + ": " + e.getOriginalMessage(), e);
    }

    /** As {@link #syntax(JacksonException)}, with the JSON pointer of where the parser stood (a truncated file ends inside some value). */
    static InvalidTraceException syntax(JacksonException e, JsonParser parser) {
        String pointer = parser.streamReadContext().pathAsPointer().toString();
        InvalidTraceException plain = syntax(e);
        return new InvalidTraceException(
                TraceProblem.MALFORMED,
                plain.getMessage() + " (inside " + (pointer.isEmpty() ? "/" : pointer) + ")",
                e);
    }

    /** The next token; at the end of the input, a problem naming where the JSON stopped. */
    static JsonToken nextIn(JsonParser parser) {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw at(parser, TraceProblem.MALFORMED, "the JSON ends early (a truncated file?)");
        }
        return token;
    }
}
