package eu.selfdata.mobility.journey;

import eu.selfdata.mobility.trip.Trace;
import eu.selfdata.usecase.api.CitizenId;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A citizen's trips in standard formats they can take elsewhere, written as they are read (one
 * trip's points in memory at a time):
 * <ul>
 * <li>GPX 1.1: a {@code trk} per trip, a {@code trkseg} per leg, the leg's stored points with their
 * times, and in each point's {@code extensions} (namespace {@value #GPX_EXTENSIONS}) what GPX has no
 * element for: the phone's accuracy, Doppler speed and activity; the leg's mode, times, distance,
 * CO2e and factor version in the segment's {@code extensions}. Uploading it again gives the same
 * trips ({@link eu.selfdata.mobility.trace.GpxReader} reads those extensions back).</li>
 * <li>GeoJSON (RFC 7946): a FeatureCollection with a LineString per leg ({@code [lon, lat]}, times in
 * {@code coordTimes}, as GPX converters write them) and the same properties.</li>
 * </ul>
 */
public class TripExports {

    static final String GPX = "http://www.topografix.com/GPX/1/1";
    public static final String GPX_EXTENSIONS = "https://selfdata.eu/gpx/mobility/1";
    private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();
    private static final JsonFactory JSON = new JsonFactory();

    private final Journeys journeys;
    private final TraceSource points;

    public TripExports(Journeys journeys, TraceSource points) {
        this.journeys = journeys;
        this.points = points;
    }

    public void gpx(CitizenId citizen, Instant from, Instant to, OutputStream out) {
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(GPX);
            xml.writeStartElement(GPX, "gpx");
            xml.writeDefaultNamespace(GPX);
            xml.writeNamespace("sd", GPX_EXTENSIONS);
            xml.writeAttribute("version", "1.1");
            xml.writeAttribute("creator", "Self Data Territorial, mobility-carbon");
            for (TripView trip : journeys.list(citizen, from, to)) {
                xml.writeStartElement(GPX, "trk");
                element(xml, "name", "Trip " + trip.startedAt());
                element(xml, "type", "trip");
                List<Leg> legs = legs(trip, points.load(citizen, trip.startedAt(), trip.endedAt()));
                for (Leg leg : legs) {
                    xml.writeStartElement(GPX, "trkseg");
                    for (int i = leg.first(); i < leg.end(); i++) {
                        xml.writeStartElement(GPX, "trkpt");
                        xml.writeAttribute("lat", degrees(leg.trace().lat(i)));
                        xml.writeAttribute("lon", degrees(leg.trace().lon(i)));
                        element(
                                xml,
                                "time",
                                Instant.ofEpochMilli(leg.trace().time(i)).toString());
                        measurements(xml, leg.trace(), i);
                        xml.writeEndElement();
                    }
                    xml.writeStartElement(GPX, "extensions");
                    xml.writeEmptyElement(GPX_EXTENSIONS, "leg");
                    TripView.LegView view = leg.view();
                    xml.writeAttribute("trip", String.valueOf(trip.id()));
                    xml.writeAttribute("mode", view.mode().name());
                    xml.writeAttribute("startedAt", view.startedAt().toString());
                    xml.writeAttribute("endedAt", view.endedAt().toString());
                    xml.writeAttribute("distanceM", String.valueOf(view.distanceM()));
                    if (view.co2eG() != null) {
                        xml.writeAttribute("co2eG", String.valueOf(view.co2eG()));
                    }
                    if (view.factorVersion() != null) {
                        xml.writeAttribute("factorVersion", view.factorVersion());
                    }
                    xml.writeEndElement();
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write GPX", e);
        }
    }

    public void geoJson(CitizenId citizen, Instant from, Instant to, OutputStream out) {
        try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringProperty("type", "FeatureCollection");
            json.writeArrayPropertyStart("features");
            for (TripView trip : journeys.list(citizen, from, to)) {
                for (Leg leg : legs(trip, points.load(citizen, trip.startedAt(), trip.endedAt()))) {
                    feature(json, trip, leg);
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void feature(JsonGenerator json, TripView trip, Leg leg) {
        TripView.LegView view = leg.view();
        json.writeStartObject();
        json.writeStringProperty("type", "Feature");
        json.writeObjectPropertyStart("geometry");
        json.writeStringProperty("type", "LineString");
        json.writeArrayPropertyStart("coordinates");
        // a LineString has two positions at least: a leg seen at one fix is drawn as that point twice
        int count = Math.max(2, leg.end() - leg.first());
        for (int k = 0; k < count; k++) {
            int i = Math.min(leg.first() + k, leg.end() - 1);
            json.writeStartArray();
            json.writeNumber(new BigDecimal(degrees(leg.trace().lon(i))));
            json.writeNumber(new BigDecimal(degrees(leg.trace().lat(i))));
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeObjectPropertyStart("properties");
        json.writeNumberProperty("tripId", trip.id());
        json.writeNumberProperty("legId", view.id());
        json.writeStringProperty("mode", view.mode().name());
        json.writeStringProperty("inferredMode", view.inferredMode().name());
        if (view.correctedMode() != null) {
            json.writeStringProperty("correctedMode", view.correctedMode().name());
        }
        json.writeStringProperty("startedAt", view.startedAt().toString());
        json.writeStringProperty("endedAt", view.endedAt().toString());
        json.writeNumberProperty("distanceM", view.distanceM());
        if (view.co2eG() != null) {
            json.writeNumberProperty("co2eG", view.co2eG());
        }
        if (view.factorVersion() != null) {
            json.writeStringProperty("factorVersion", view.factorVersion());
        }
        json.writeArrayPropertyStart("coordTimes");
        for (int k = 0; k < count; k++) {
            json.writeString(Instant.ofEpochMilli(leg.trace().time(Math.min(leg.first() + k, leg.end() - 1)))
                    .toString());
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    /**
     * The trip's points shared among its legs by time: a leg holds the points from its start to the
     * next leg's start (its boundary lies between two fixes), the last leg up to the trip's end.
     * A leg between two fixes keeps the fix after its start.
     */
    private static List<Leg> legs(TripView trip, Trace trace) {
        List<TripView.LegView> views = trip.legs();
        java.util.ArrayList<Leg> legs = new java.util.ArrayList<>(views.size());
        int i = 0;
        for (int l = 0; l < views.size(); l++) {
            long end = l + 1 < views.size() ? views.get(l + 1).startedAt().toEpochMilli() : Long.MAX_VALUE;
            int first = i;
            while (i < trace.size() && trace.time(i) < end) {
                i++;
            }
            if (i == first && i < trace.size()) {
                i++;
            }
            if (i > first) {
                legs.add(new Leg(views.get(l), trace, first, i));
            }
        }
        return legs;
    }

    /** A leg and its points {@code first} (inclusive) to {@code end} (exclusive) in the trip's trace. */
    private record Leg(TripView.LegView view, Trace trace, int first, int end) {}

    /** What GPX 1.1 has no element for, in the point's extensions: the phone's accuracy, Doppler speed and activity. */
    private static void measurements(XMLStreamWriter xml, Trace trace, int i) throws XMLStreamException {
        boolean accuracy = !Double.isNaN(trace.accuracy(i));
        boolean speed = !Double.isNaN(trace.speed(i));
        if (!accuracy && !speed && trace.activity(i) == null) {
            return;
        }
        xml.writeStartElement(GPX, "extensions");
        if (accuracy) {
            extension(xml, "accuracy", number(trace.accuracy(i)));
        }
        if (speed) {
            extension(xml, "speed", number(trace.speed(i)));
        }
        if (trace.activity(i) != null) {
            xml.writeStartElement(GPX_EXTENSIONS, "activity");
            xml.writeAttribute("confidence", String.valueOf(trace.activityConfidence(i)));
            xml.writeCharacters(trace.activity(i).name());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void extension(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(GPX_EXTENSIONS, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value)
                .setScale(2, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(GPX, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    /** Seven decimals: a centimetre, as precise as any phone. */
    private static String degrees(double value) {
        return BigDecimal.valueOf(value)
                .setScale(7, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }
}
