package eu.selfdata.mobility.trace;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;

/**
 * GPX 1.1 (and 1.0) track points, {@code <trkpt lat lon><time>}, read with the JDK's StAX pull
 * parser: one point in memory at a time. Waypoints and routes are not traces and are skipped. DTDs
 * and external entities are refused (no XXE).
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
                        throw new InvalidTraceException(TraceProblem.MALFORMED, "the root element is <" + xml.getLocalName() + ">, not <gpx>");
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
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (depth == 2 && "time".equals(xml.getLocalName())) {
                    time = Timestamps.parse(xml.getElementText());
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (time == null) {
            throw new InvalidTraceException(TraceProblem.MISSING_TIME, "track point on line " + line + " has no <time>");
        }
        try {
            return TracePoint.of(time, lat, lon);
        } catch (InvalidTraceException e) {
            throw e.at("track point on line " + line);
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
            throw new InvalidTraceException(TraceProblem.MALFORMED, "track point on line " + line + ": " + name + " '" + value + "' is not a number");
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
