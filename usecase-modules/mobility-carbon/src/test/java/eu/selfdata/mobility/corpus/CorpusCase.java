package eu.selfdata.mobility.corpus;

import eu.selfdata.mobility.trace.TraceFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One case of the corpus: what the phone recorded, in an upload format, and the truth. GPX and
 * GeoJSON carry no accuracy (as exports of other apps); the app's JSON carries accuracy, and speed
 * and activity where the receiver gives them.
 */
record CorpusCase(
        String id,
        String description,
        TraceFormat format,
        boolean gtfs,
        Gps.Receiver receiver,
        Truth truth,
        List<Gps.Fix> fixes) {

    String file() {
        return id
                + switch (format) {
                    case GPX -> ".gpx";
                    case GEOJSON -> ".geojson";
                    case APP_JSON -> ".json";
                };
    }

    String content() {
        return switch (format) {
            case GPX -> gpx();
            case GEOJSON -> geoJson();
            case APP_JSON -> appJson();
        };
    }

    private String appJson() {
        StringBuilder json = new StringBuilder("{\"points\":[\n");
        for (int i = 0; i < fixes.size(); i++) {
            Gps.Fix fix = fixes.get(i);
            json.append("{\"time\":")
                    .append(fix.epochMilli())
                    .append(",\"lat\":")
                    .append(Network.coordinate(fix.lat()))
                    .append(",\"lon\":")
                    .append(Network.coordinate(fix.lon()))
                    .append(",\"accuracy\":")
                    .append(number(fix.accuracyM()));
            if (receiver.speed()) {
                json.append(",\"speed\":").append(number(fix.speedMps()));
            }
            if (fix.activity() != null) {
                json.append(",\"activity\":{\"type\":\"")
                        .append(fix.activity())
                        .append("\",\"confidence\":")
                        .append(fix.confidence())
                        .append('}');
            }
            json.append(i < fixes.size() - 1 ? "},\n" : "}\n");
        }
        return json.append("]}\n").toString();
    }

    private String gpx() {
        StringBuilder gpx = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <gpx version="1.1" creator="mobility-carbon corpus" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>
                """);
        for (Gps.Fix fix : fixes) {
            gpx.append("<trkpt lat=\"")
                    .append(Network.coordinate(fix.lat()))
                    .append("\" lon=\"")
                    .append(Network.coordinate(fix.lon()))
                    .append("\"><time>")
                    .append(Instant.ofEpochMilli(fix.epochMilli()))
                    .append("</time></trkpt>\n");
        }
        return gpx.append("</trkseg></trk></gpx>\n").toString();
    }

    private String geoJson() {
        StringBuilder coordinates = new StringBuilder();
        StringBuilder times = new StringBuilder();
        for (int i = 0; i < fixes.size(); i++) {
            Gps.Fix fix = fixes.get(i);
            coordinates
                    .append(i > 0 ? ",\n" : "")
                    .append('[')
                    .append(Network.coordinate(fix.lon()))
                    .append(',')
                    .append(Network.coordinate(fix.lat()))
                    .append(']');
            times.append(i > 0 ? ",\n" : "")
                    .append('"')
                    .append(Instant.ofEpochMilli(fix.epochMilli()))
                    .append('"');
        }
        return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[\n" + coordinates
                + "]},\n\"properties\":{\"coordTimes\":[\n" + times + "]}}\n";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "");
    }
}
