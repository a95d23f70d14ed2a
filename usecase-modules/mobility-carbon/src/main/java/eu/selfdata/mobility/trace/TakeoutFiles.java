package eu.selfdata.mobility.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads a Google Takeout location history file of either format, told apart by its first
 * members: {@code locations} is the legacy {@code Records.json}; {@code semanticSegments} (or a
 * bare array of segments) the device Timeline. The file is opened once per pass and streamed each
 * time, never loaded: a decade of history is hundreds of megabytes.
 */
public final class TakeoutFiles {

    /** Why the file is opened: to tell its format, to gather the Timeline's evidence, to read its points. */
    public enum Pass {
        DETECT,
        SCAN,
        READ
    }

    /** Opens the file afresh for a pass. */
    @FunctionalInterface
    public interface Source {
        InputStream open(Pass pass) throws IOException;
    }

    /** What was read besides the points: the format, and the visits and activities that served as evidence. */
    public record Read(TakeoutFormat format, int visits, int activities) {}

    private TakeoutFiles() {}

    public static Read read(Source file, PointSink sink) {
        TakeoutFormat format = detect(file);
        return switch (format) {
            case RECORDS -> {
                try (InputStream in = file.open(Pass.READ)) {
                    new TakeoutRecordsReader().read(in, sink);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                yield new Read(format, 0, 0);
            }
            case TIMELINE -> {
                TakeoutTimelineReader reader = new TakeoutTimelineReader();
                TakeoutTimelineReader.Evidence evidence;
                try (InputStream in = file.open(Pass.SCAN)) {
                    evidence = reader.evidence(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                try (InputStream in = file.open(Pass.READ)) {
                    reader.read(in, evidence, sink);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                yield new Read(format, evidence.visits(), evidence.activities());
            }
        };
    }

    /** The format, from the top-level members before the first that tells. */
    static TakeoutFormat detect(Source file) {
        try (InputStream in = file.open(Pass.DETECT);
                JsonParser parser = JsonTokens.parser(in)) {
            JsonToken token = JsonTokens.first(parser);
            if (token == JsonToken.START_ARRAY) {
                return TakeoutFormat.TIMELINE;
            }
            JsonTokens.expect(
                    parser,
                    token,
                    JsonToken.START_OBJECT,
                    "a Takeout location history (Records.json or Timeline.json)");
            while (JsonTokens.nextIn(parser) == JsonToken.PROPERTY_NAME) {
                switch (parser.currentName()) {
                    case "locations" -> {
                        return TakeoutFormat.RECORDS;
                    }
                    case "semanticSegments", "rawSignals", "userLocationProfile" -> {
                        return TakeoutFormat.TIMELINE;
                    }
                    default -> {
                        JsonTokens.nextIn(parser);
                        parser.skipChildren();
                    }
                }
            }
            throw JsonTokens.at(
                    parser,
                    TraceProblem.UNSUPPORTED_FORMAT,
                    "neither \"locations\" (Records.json) nor \"semanticSegments\" (Timeline): not a Takeout location history");
        } catch (JacksonException e) {
            throw JsonTokens.syntax(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
