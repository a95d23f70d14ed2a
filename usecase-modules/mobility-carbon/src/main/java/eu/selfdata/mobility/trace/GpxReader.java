package eu.selfdata.mobility.trace;

import eu.selfdata.mobility.journey.TripExports;
import eu.selfdata.mobility.trip.MotionActivity;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * GPX 1.1 (and 1.0) track points, {@code <trkpt lat lon><time>}, read with the JDK's StAX pull
 * parser: one point in memory at a time. Waypoints and routes are not traces and are skipped. DTDs
 * and external entities are refused (no XXE). The phone's accuracy, speed and activity are read from
 * a point's extensions in the namespace this module's own GPX export writes them
 * ({@link TripExports#GPX_EXTENSIONS}); other extensions are skipped.
 */
public final class GpxReader implements TraceReader {

    private static final XMLInputFactory FACTORY = factory();

    @Override
    public void read(InputStream in, PointSink sink) {
        XMLStreamReader xml = null;
        try {
            xml = FACTORY.createXMLStreamReader(in);
            boolean sawRoot = false;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (!sawRoot) {
                    if (!"gpx".equals(xml.getLocalName())) {
                        throw new InvalidTraceException(
                                TraceProblem.MALFORMED, "the root element is <" + xml.getLocalName() + ">, not <gpx>");
                    }
                    sawRoot = true;
                } else if ("trkpt".equals(xml.getLocalName())) {
                    int line = xml.getLocation().getLineNumber();
                    TracePoint point = trackPoint(xml);
                    try {
                        sink.accept(point);
                    } catch (InvalidTraceException e) {
                        throw e.at("track point on line " + line);
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new InvalidTraceException(TraceProblem.MALFORMED, "not well-formed XML: " + e.getMessage(), e);
        } finally {
            close(xml);
        }
    }

    /** Reads one trkpt up to its end tag. */
    private static TracePoint trackPoint(XMLStreamReader xml) throws XMLStreamException {
        int line = xml.getLocation().getLineNumber();
        double lat = coordinate(xml, "lat", line);
        double lon = coordinate(xml, "lon", line);
        Long time = null;
        double accuracy = Double.NaN;
        double speed = Double.NaN;
        MotionActivity activity = null;
        int confidence = 0;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = xml.getLocalName();
                boolean ours = depth == 3 && TripExports.GPX_EXTENSIONS.equals(xml.getNamespaceURI());
                if (depth == 2 && "time".equals(name)) {
                    time = Timestamps.parse(xml.getElementText());
                    depth--;
                } else if (ours && ("accuracy".equals(name) || "speed".equals(name))) {
                    double value = number(xml.getElementText(), name, line);
                    if ("accuracy".equals(name)) {
                        accuracy = value;
                    } else {
                        speed = value;
                    }
                    depth--;
                } else if (ours && "activity".equals(name)) {
                    confidence = (int) number(xml.getAttributeValue(null, "confidence"), "confidence", line);
                    activity = activity(xml.getElementText(), line);
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (time == null) {
            throw new InvalidTraceException(
                    TraceProblem.MISSING_TIME, "track point on line " + line + " has no <time>");
        }
        try {
            return activity == null
                    ? new TracePoint(time, lat, lon, accuracy, speed)
                    : new TracePoint(time, lat, lon, accuracy, speed, activity, confidence);
        } catch (InvalidTraceException e) {
            throw e.at("track point on line " + line);
        }
    }

    private static double number(String text, String name, int line) {
        try {
            return Double.parseDouble(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidTraceException(
                    TraceProblem.MALFORMED,
                    "track point on line " + line + ": " + name + " '" + text + "' is not a number");
        }
    }

    private static MotionActivity activity(String text, int line) {
        try {
            return MotionActivity.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidTraceException(
                    TraceProblem.MALFORMED, "track point on line " + line + ": unknown activity '" + text + "'");
        }
    }

    private static double coordinate(XMLStreamReader xml, String name, int line) {
        String value = xml.getAttributeValue(null, name);
        if (value == null) {
            throw new InvalidTraceException(TraceProblem.MALFORMED, "track point on line " + line + " has no " + name);
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new InvalidTraceException(
                    TraceProblem.MALFORMED,
                    "track point on line " + line + ": " + name + " '" + value + "' is not a number");
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // the stream belongs to the caller, who closes it
            }
        }
    }
}
