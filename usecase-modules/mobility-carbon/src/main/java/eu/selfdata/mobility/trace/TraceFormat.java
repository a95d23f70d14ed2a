package eu.selfdata.mobility.trace;

import java.util.Locale;

/** The upload formats, chosen by the request's media type. */
public enum TraceFormat {
    GPX(new GpxReader()),
    GEOJSON(new GeoJsonReader()),
    APP_JSON(new AppJsonReader());

    private final TraceReader reader;

    TraceFormat(TraceReader reader) {
        this.reader = reader;
    }

    public TraceReader reader() {
        return reader;
    }

    /** {@code application/gpx+xml} (or any XML), {@code application/geo+json}, {@code application/json}. */
    public static TraceFormat ofMediaType(String contentType) {
        String type = contentType == null
                ? ""
                : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return switch (type) {
            case "application/gpx+xml", "application/xml", "text/xml" -> GPX;
            case "application/geo+json" -> GEOJSON;
            case "application/json" -> APP_JSON;
            default ->
                throw new InvalidTraceException(
                        TraceProblem.UNSUPPORTED_FORMAT,
                        "send application/gpx+xml, application/geo+json or application/json, not '" + type + "'");
        };
    }
}
