package eu.selfdata.tenant.modules.mobility;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.support.ServiceClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TraceUploadTest extends MobilityTest {

    private static final Instant MORNING = Instant.parse("2026-03-02T07:00:00Z");

    @Test
    void aGpxDriveBecomesOneCarTripWithCo2AndAWalkOneWalkLeg() {
        String city = mobilityCity("larochelle", "La Rochelle");
        String token = identities.citizenToken(city, person("camille"));

        JsonNode receipt = uploaded(token, city, Traces.drive(1, MORNING, 8000)).json();
        upload(
                token,
                city,
                "application/json",
                new Traces(2, MORNING.plus(Duration.ofHours(3)))
                        .stay(Duration.ofMinutes(8))
                        .move(1200, 10, 1.3)
                        .stay(Duration.ofMinutes(8))
                        .appJson());

        assertThat(receipt.path("trips").asInt()).isEqualTo(1);
        JsonNode trips = client.cityAs(token, city, "GET", "/api/mobility-carbon/trips", null)
                .json();
        assertThat(trips).hasSize(2);
        JsonNode car = trips.get(0).path("legs").get(0);
        assertThat(car.path("mode").asString()).isEqualTo("CAR");
        assertThat(car.path("distanceM").asDouble()).isBetween(7600.0, 8400.0);
        assertThat(car.path("co2eG").asLong())
                .isEqualTo(Math.round(car.path("distanceM").asLong() * 217.6 / 1000));
        assertThat(car.path("factorVersion").asString()).isEqualTo("impactco2-2025-10-16@r0");
        JsonNode walk = trips.get(1).path("legs");
        assertThat(walk).hasSize(1);
        assertThat(walk.get(0).path("mode").asString()).isEqualTo("WALK");
        assertThat(walk.get(0).path("distanceM").asDouble()).isBetween(1140.0, 1260.0);
    }

    @Test
    void malformedUploadsAreProblemsNamingTheProblemAndStoreNothing() {
        String city = mobilityCity("larochelle", "La Rochelle");
        String token = identities.citizenToken(city, person("camille"));
        String good = Traces.drive(3, MORNING, 3000).gpx();
        String head = "<?xml version=\"1.0\"?><gpx version=\"1.1\"><trk><trkseg>";

        assertProblem(
                upload(token, city, "application/gpx+xml", good.substring(0, good.length() / 2)),
                400,
                "trace-malformed",
                "XML");
        assertProblem(
                upload(
                        token,
                        city,
                        "application/gpx+xml",
                        head
                                + "<trkpt lat=\"95\" lon=\"-1\"><time>2026-03-02T07:00:00Z</time></trkpt></trkseg></trk></gpx>"),
                422,
                "trace-coordinate-out-of-range",
                "latitude 95");
        assertProblem(
                upload(
                        token,
                        city,
                        "application/gpx+xml",
                        head
                                + "<trkpt lat=\"46\" lon=\"-1\"><time>2026-03-02T07:00:05Z</time></trkpt><trkpt lat=\"46\" lon=\"-1\"><time>2026-03-02T07:00:01Z</time></trkpt>"
                                + "</trkseg></trk></gpx>"),
                422,
                "trace-unordered-timestamps",
                "comes before");
        assertProblem(
                upload(
                        token,
                        city,
                        "application/json",
                        "{\"points\":[{\"lat\":46,\"lon\":-1,\"time\":\"2026-03-02T07:00:01Z\"},"
                                + "{\"lat\":46,\"lon\":-1,\"time\":\"2026-03-02T07:00:01Z\"}]}"),
                422,
                "trace-duplicate-timestamp",
                "repeats");
        assertProblem(upload(token, city, "application/geo+json", ""), 422, "trace-empty", "empty");
        assertProblem(upload(token, city, "text/csv", "lat,lon"), 415, "trace-unsupported-format", "text/csv");
        // A valid file cut with a bad point at the end: nothing of its valid part is kept.
        String broken = good.replace(
                "</trkseg>", "<trkpt lat=\"95\" lon=\"0\"><time>2030-01-01T00:00:00Z</time></trkpt></trkseg>");
        assertProblem(upload(token, city, "application/gpx+xml", broken), 422, "trace-coordinate-out-of-range", "line");

        assertThat(rows(city, "mobility_trace_point")).isZero();
        assertThat(rows(city, "mobility_upload")).isZero();
        assertThat(rows(city, "mobility_trip")).isZero();
    }

    @Test
    void sixtyMegabytesAreRefusedWhileStreamingAndWhatWasStoredStays() {
        String city = mobilityCity("larochelle", "La Rochelle");
        String token = identities.citizenToken(city, person("camille"));
        uploaded(token, city, Traces.drive(4, MORNING, 3000));
        long before = rows(city, "mobility_trace_point");
        String head = "<?xml version=\"1.0\"?><gpx version=\"1.1\"><trk><trkseg>\n";
        int count = 60_000_000 / 80;
        Stream<String> points = Stream.iterate(0, i -> i < count, i -> i + 1)
                .map(i -> "<trkpt lat=\"46.1\" lon=\"-1.1\"><time>" + MORNING.plusSeconds(86_400 + i)
                        + "</time></trkpt>\n");
        HttpRequest.BodyPublisher sixtyMegabytes =
                HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() ->
                        new java.io.SequenceInputStream(Collections.enumeration(Stream.concat(Stream.of(head), points)
                                .map(s -> (java.io.InputStream) new java.io.ByteArrayInputStream(s.getBytes()))
                                .toList()))));

        ServiceClient.Response refused = upload(token, city, "application/gpx+xml", sixtyMegabytes);

        assertProblem(refused, 413, "trace-too-large", "exceeds");
        assertThat(rows(city, "mobility_trace_point")).isEqualTo(before);
    }

    @Test
    void aReUploadedFileAddsNoPointAndNoTrip() {
        String city = mobilityCity("larochelle", "La Rochelle");
        String token = identities.citizenToken(city, person("camille"));
        Traces drive = Traces.drive(5, MORNING, 5000);
        uploaded(token, city, drive);

        JsonNode again = uploaded(token, city, drive).json();

        assertThat(again.path("pointsStored").asInt()).isZero();
        assertThat(again.path("duplicates").asInt()).isEqualTo(drive.fixes().size());
        assertThat(rows(city, "mobility_trace_point")).isEqualTo(drive.fixes().size());
        assertThat(rows(city, "mobility_trip")).isEqualTo(1);
    }

    private static void assertProblem(ServiceClient.Response response, int status, String type, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.problemType()).isEqualTo(type);
        assertThat(response.json().path("detail").asString()).contains(detail);
    }
}
