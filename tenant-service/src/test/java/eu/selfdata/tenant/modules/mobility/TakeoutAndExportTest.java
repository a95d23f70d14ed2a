package eu.selfdata.tenant.modules.mobility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import eu.selfdata.contract.PlatformHeaders;
import eu.selfdata.tenant.support.ServiceClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Takeout imports over HTTP (tus uploads, background imports), the trips' GPX and GeoJSON downloads
 * and export archive, the city's basemap, and the time checks of uploads — each across cities and
 * with or without the citizen's consent.
 */
class TakeoutAndExportTest extends MobilityTest {

    private static final String UPLOADS = "/api/mobility-carbon/takeout/uploads";
    private static final String IMPORTS = "/api/mobility-carbon/takeout/imports";
    private static final Instant MORNING = Instant.parse("2026-03-02T07:00:00Z");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aTakeoutFileBrokenOffMidwayResumesAndIsImportedInTheBackground() {
        String city = mobilityCity("larochelle", "La Rochelle");
        String citizen = identities.citizenToken(city, person("camille"));
        byte[] file = records(Traces.drive(21, MORNING, 6000)).getBytes(StandardCharsets.UTF_8);
        String upload = create(citizen, city, file.length);

        assertThatThrownBy(() -> patch(citizen, city, upload, 0, file, file.length / 3))
                .as("the connection breaks")
                .isInstanceOf(UncheckedIOException.class);
        long offset = offset(citizen, city, upload);
        assertThat(offset).isBetween(1L, (long) file.length - 1);
        assertThat(patch(citizen, city, upload, offset, file, file.length).statusCode())
                .isEqualTo(204);

        JsonNode started = client.cityAs(citizen, city, "POST", IMPORTS, Map.of("upload", id(upload)))
                .json();
        JsonNode done = finished(citizen, city, started.path("id").asLong());

        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.path("format").asString()).isEqualTo("RECORDS");
        assertThat(done.path("pointsKept").asLong())
                .isEqualTo(Traces.drive(21, MORNING, 6000).fixes().size());
        assertThat(done.path("trips").asInt()).isOne();
        JsonNode trips = client.cityAs(
                        citizen, city, "GET", "/api/mobility-carbon/trips?from=2026-03-02&to=2026-03-02", null)
                .json();
        assertThat(trips).hasSize(1);
        assertThat(trips.get(0).path("legs").get(0).path("mode").asString()).isEqualTo("CAR");
        assertThat(client.cityAs(citizen, city, "GET", "/api/mobility-carbon/trips?from=2026-03-03", null)
                        .json())
                .isEmpty();
        assertThat(http(citizen, city, "HEAD", upload, HttpRequest.BodyPublishers.noBody())
                        .statusCode())
                .as("the bytes are deleted once read")
                .isEqualTo(404);
    }

    @Test
    void aRunningImportShowsItsProgressToEveryRequestAndACancelledOneStoresNothing() {
        String city = mobilityCity("larochelle", "La Rochelle");
        String citizen = identities.citizenToken(city, person("camille"));
        Traces long_ = new Traces(22, MORNING);
        for (int day = 0; day < 10; day++) {
            long_.stay(Duration.ofHours(2))
                    .move(8000, 90, 10)
                    .stay(Duration.ofHours(2))
                    .move(8000, 270, 10);
        }
        byte[] file = records(long_).getBytes(StandardCharsets.UTF_8);
        String upload = create(citizen, city, file.length);
        assertThat(patch(citizen, city, upload, 0, file, file.length).statusCode())
                .isEqualTo(204);
        long id = client.cityAs(citizen, city, "POST", IMPORTS, Map.of("upload", id(upload)))
                .json()
                .path("id")
                .asLong();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> client.cityAs(citizen, city, "GET", IMPORTS + "/" + id, null)
                                .json()
                                .path("pointsRead")
                                .asLong()
                        > 0);
        JsonNode running =
                client.cityAs(citizen, city, "GET", IMPORTS, null).json().get(0);
        ServiceClient.Response cancel = client.cityAs(citizen, city, "POST", IMPORTS + "/" + id + "/cancel", null);

        assertThat(running.path("status").asString()).isIn("RUNNING", "DONE");
        assertThat(cancel.status()).isEqualTo(202);
        JsonNode ended = finished(citizen, city, id);
        if (ended.path("status").asString().equals("CANCELLED")) {
            assertThat(rows(city, "mobility_trace_point")).isZero();
            assertThat(rows(city, "mobility_upload")).isZero();
            assertThat(rows(city, "mobility_trip")).isZero();
        } else {
            assertThat(ended.path("status").asString())
                    .as("the import ended before the cancellation arrived")
                    .isEqualTo("DONE");
        }
    }

    @Test
    void aMalformedTakeoutFileFailsItsImportWithAProblemNamingThePlace() {
        String city = mobilityCity("larochelle", "La Rochelle");
        String citizen = identities.citizenToken(city, person("camille"));
        String broken = records(Traces.drive(23, MORNING, 2000))
                .replaceFirst("\"latitudeE7\":\\d+", "\"latitudeE7\":1900000000");
        byte[] file = broken.getBytes(StandardCharsets.UTF_8);
        String upload = create(citizen, city, file.length);
        patch(citizen, city, upload, 0, file, file.length);

        JsonNode failed = finished(
                citizen,
                city,
                client.cityAs(citizen, city, "POST", IMPORTS, Map.of("upload", id(upload)))
                        .json()
                        .path("id")
                        .asLong());

        assertThat(failed.path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.path("problem").path("type").asString())
                .isEqualTo("https://selfdata.eu/problems/trace-coordinate-out-of-range");
        assertThat(failed.path("problem").path("status").asInt()).isEqualTo(422);
        assertThat(failed.path("problem").path("detail").asString())
                .contains("at /locations/0/latitudeE7 (line 1, column");
        assertThat(rows(city, "mobility_trace_point")).isZero();
    }

    @Test
    void sameImportIdAndUploadInTwoCitiesAreEachOnlyTheirOwnersAndAnotherCitysTokenIsRefused() {
        String rochelle = mobilityCity("larochelle", "La Rochelle");
        String lyon = mobilityCity("lyon", "Lyon");
        String name = person("twin");
        String inRochelle = identities.citizenToken(rochelle, name);
        String inLyon = identities.citizenToken(lyon, name);
        byte[] file = records(Traces.drive(24, MORNING, 3000)).getBytes(StandardCharsets.UTF_8);
        String rochelleUpload = create(inRochelle, rochelle, file.length);
        patch(inRochelle, rochelle, rochelleUpload, 0, file, file.length);
        String lyonUpload = create(inLyon, lyon, file.length);
        patch(inLyon, lyon, lyonUpload, 0, file, file.length);
        long rochelleImport = client.cityAs(inRochelle, rochelle, "POST", IMPORTS, Map.of("upload", id(rochelleUpload)))
                .json()
                .path("id")
                .asLong();
        long lyonImport = client.cityAs(inLyon, lyon, "POST", IMPORTS, Map.of("upload", id(lyonUpload)))
                .json()
                .path("id")
                .asLong();
        assertThat(rochelleImport).isEqualTo(lyonImport);
        finished(inRochelle, rochelle, rochelleImport);
        finished(inLyon, lyon, lyonImport);

        assertThat(http(inLyon, lyon, "HEAD", rochelleUpload, HttpRequest.BodyPublishers.noBody())
                        .statusCode())
                .as("La Rochelle's upload is not found in Lyon, even by the same person")
                .isEqualTo(404);
        ServiceClient.Response other =
                client.cityAs(inLyon, lyon, "POST", IMPORTS, Map.of("upload", id(rochelleUpload)));
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.body()).contains("you have no upload");
        for (String[] call : new String[][] {
            {"GET", IMPORTS},
            {"GET", IMPORTS + "/" + rochelleImport},
            {"POST", IMPORTS + "/" + rochelleImport + "/cancel"},
            {"GET", "/api/mobility-carbon/exports/trips.gpx"},
            {"GET", "/api/mobility-carbon/exports/trips.geojson"}
        }) {
            ServiceClient.Response response = client.cityAs(inRochelle, lyon, call[0], call[1], null);
            assertThat(response.status()).as(String.join(" ", call)).isEqualTo(403);
            assertThat(response.problemType()).isEqualTo("wrong-city");
        }
        assertThat(http(inRochelle, lyon, "POST", UPLOADS, HttpRequest.BodyPublishers.noBody(), "Upload-Length", "10")
                        .statusCode())
                .as("a tus upload with another city's token")
                .isEqualTo(403);
        String pageCancel = "/my/mobility-carbon/takeout/imports/" + rochelleImport + "/cancel";
        assertThat(client.formAs(inRochelle, lyon, pageCancel, Map.of()).status())
                .as("the page's cancel form on another city's host")
                .isEqualTo(403);
        String neighbour = identities.citizenToken(rochelle, person("neighbour"));
        assertThat(client.formAs(neighbour, rochelle, pageCancel, Map.of()).status())
                .as("a neighbour's import is no one else's")
                .isEqualTo(404);
        assertThat(client.cityAs(neighbour, rochelle, "GET", IMPORTS + "/" + rochelleImport, null)
                        .status())
                .isEqualTo(404);
        assertThat(client.cityAs(neighbour, rochelle, "GET", IMPORTS, null).json())
                .isEmpty();
        assertThat(client.cityAs(inLyon, lyon, "GET", IMPORTS + "/" + lyonImport, null)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("DONE");
    }

    @Test
    void importedTripsReachCityIndicatorsOnlyWithConsentWhileTheCitizenSeesAndDownloadsThemWithout() {
        String city = mobilityCity("larochelle", "La Rochelle");
        client.cityAs(identities.cityAdminToken(city), city, "PUT", "/api/city/privacy", Map.of("minGroupSize", 5));
        String refuser = identities.citizenToken(city, person("refuser"));
        client.cityAs(refuser, city, "PUT", "/api/me/consents/" + PURPOSE, Map.of("decision", "REFUSED"));
        byte[] file = records(Traces.drive(25, MORNING, 9000)).getBytes(StandardCharsets.UTF_8);
        String upload = create(refuser, city, file.length);
        patch(refuser, city, upload, 0, file, file.length);
        finished(
                refuser,
                city,
                client.cityAs(refuser, city, "POST", IMPORTS, Map.of("upload", id(upload)))
                        .json()
                        .path("id")
                        .asLong());

        ServiceClient.Response gpx =
                client.cityAs(refuser, city, "GET", "/api/mobility-carbon/exports/trips.gpx", null);
        ServiceClient.Response geojson =
                client.cityAs(refuser, city, "GET", "/api/mobility-carbon/exports/trips.geojson", null);
        JsonNode modal = client.cityAs(
                        identities.cityAgentToken(city),
                        city,
                        "POST",
                        "/api/city/indicators/" + MODULE + "/mobility-modal-split-km/computations",
                        null)
                .json();

        assertThat(gpx.status()).isEqualTo(200);
        assertThat(gpx.contentType()).startsWith("application/gpx+xml");
        assertThat(gpx.body()).contains("<trk>", "mode=\"CAR\"", "factorVersion=\"impactco2-2025-10-16@r0\"");
        assertThat(geojson.json()
                        .path("features")
                        .get(0)
                        .path("properties")
                        .path("mode")
                        .asString())
                .isEqualTo("CAR");
        assertThat(modal.toString())
                .as("the refuser's imported drive is no participant")
                .doesNotContain("\"participants\":1");
        for (JsonNode cell : modal.path("cells")) {
            assertThat(cell.path("participants").asInt()).isZero();
        }
    }

    @Test
    void theExportArchiveHoldsTheTripsAsGpxAndGeoJsonAndErasureRemovesImportsAndTheirUploads() throws IOException {
        String city = mobilityCity("larochelle", "La Rochelle");
        String leaver = identities.citizenToken(city, person("leaver"));
        uploaded(leaver, city, Traces.drive(26, MORNING, 6000));
        byte[] file = records(Traces.drive(27, MORNING.plus(Duration.ofDays(1)), 4000))
                .getBytes(StandardCharsets.UTF_8);
        String waiting = create(leaver, city, file.length);
        assertThatThrownBy(() -> patch(leaver, city, waiting, 0, file, file.length / 2))
                .isInstanceOf(UncheckedIOException.class);

        Map<String, String> files = export(leaver, city);

        assertThat(files).containsKeys("trips.gpx", "trips.geojson", "location-imports.json");
        assertThat(files.get("trips.gpx")).contains("http://www.topografix.com/GPX/1/1", "<trkseg>", "mode=\"CAR\"");
        assertThat(files.get("trips.geojson")).contains("\"LineString\"", "\"co2eG\"");
        assertThat(files.get("manifest.json")).contains("trips.gpx", "trips.geojson");
        String leaverId = citizenId(leaver, city);
        String upload = id(waiting);
        database()
                .sql("insert into " + schema(city)
                        + ".mobility_takeout_import (citizen_id, upload_id, status, file_bytes) "
                        + "values (?::uuid, ?::uuid, 'FAILED', 1)")
                .params(leaverId, upload)
                .update();

        assertThat(client.cityAs(leaver, city, "DELETE", "/api/me", Map.of("confirm", "ERASE"))
                        .status())
                .isEqualTo(202);

        assertThat(database()
                        .sql("select count(*) from " + schema(city)
                                + ".mobility_takeout_import where citizen_id = ?::uuid")
                        .param(leaverId)
                        .query(Integer.class)
                        .single())
                .isZero();
        String admin = identities.cityAdminToken(city);
        assertThat(http(admin, city, "HEAD", waiting, HttpRequest.BodyPublishers.noBody())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void fixesFromTheFutureOrBefore2000AreRefusedNamingThePointOrTheLine() {
        String city = mobilityCity("larochelle", "La Rochelle");
        String citizen = identities.citizenToken(city, person("camille"));

        ServiceClient.Response future = upload(
                citizen,
                city,
                "application/json",
                "{\"points\":[{\"lat\":46.1,\"lon\":-1.1,\"time\":\"2026-03-02T07:00:00Z\"},{\"lat\":46.1,\"lon\":-1.1,\"time\":\"2099-01-01T00:00:00Z\"}]}");
        ServiceClient.Response old = upload(citizen, city, "application/gpx+xml", """
                <?xml version="1.0"?>
                <gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>
                <trkpt lat="46.1" lon="-1.1"><time>1999-12-31T23:00:00Z</time></trkpt>
                </trkseg></trk></gpx>""");

        assertThat(future.status()).isEqualTo(422);
        assertThat(future.problemType()).isEqualTo("trace-time-out-of-range");
        assertThat(future.json().path("detail").asString()).contains("point 1", "2099-01-01T00:00:00Z");
        assertThat(old.status()).isEqualTo(422);
        assertThat(old.json().path("detail").asString()).contains("line 3", "1999-12-31T23:00:00Z");
        assertThat(rows(city, "mobility_trace_point")).isZero();
        assertThat(client.cityAs(citizen, city, "GET", "/api/mobility-carbon/trips?from=yesterday", null)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aCityAdminChoosesTheTilesAndTheMapPageNamesTheirOriginForItsPolicy() {
        String city = mobilityCity("larochelle", "La Rochelle");
        String lyon = mobilityCity("lyon", "Lyon");
        String admin = identities.cityAdminToken(city);
        String citizen = identities.citizenToken(city, person("camille"));
        uploaded(citizen, city, Traces.drive(28, MORNING, 3000));
        String template =
                "https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"
                        + "&STYLE=normal&TILEMATRIXSET=PM&FORMAT=image/png&TILEMATRIX={z}&TILECOL={x}&TILEROW={y}";

        for (String hostile : List.of(
                "http://tiles.example.org/{z}/{x}/{y}.png",
                "https://10.0.0.5/{z}/{x}/{y}.png",
                "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png",
                "https://tiles.example.org/{z}/{x}.png",
                "https://tiles.example.org/{z}/{x}/{y}.png\"><script>",
                "javascript:alert(1)//{z}{x}{y}")) {
            ServiceClient.Response refused = client.cityAs(
                    admin,
                    city,
                    "PUT",
                    "/api/mobility-carbon/settings/basemap",
                    Map.of("tileUrl", hostile, "attribution", "x"));
            assertThat(refused.status()).as(hostile).isEqualTo(400);
            assertThat(refused.problemType()).isEqualTo("invalid-request");
        }
        assertThat(client.cityAs(
                                citizen,
                                city,
                                "PUT",
                                "/api/mobility-carbon/settings/basemap",
                                Map.of("tileUrl", template, "attribution", "IGN"))
                        .problemType())
                .isEqualTo("forbidden");
        assertThat(client.cityAs(
                                admin,
                                lyon,
                                "PUT",
                                "/api/mobility-carbon/settings/basemap",
                                Map.of("tileUrl", template, "attribution", "IGN"))
                        .problemType())
                .isEqualTo("wrong-city");
        assertThat(pageHeader(citizen, city, PlatformHeaders.IMAGE_ORIGIN))
                .as("no tiles yet: no other origin")
                .isNull();

        ServiceClient.Response chosen = client.cityAs(
                admin,
                city,
                "PUT",
                "/api/mobility-carbon/settings/basemap",
                Map.of("tileUrl", template, "attribution", "IGN – Géoplateforme"));

        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        assertThat(pageHeader(citizen, city, PlatformHeaders.IMAGE_ORIGIN)).isEqualTo("https://data.geopf.fr");
        String page = client.pageAs(citizen, city, "en", "/my/mobility-carbon").body();
        assertThat(page)
                .contains(
                        "data-tiles=\"https://data.geopf.fr/wmts?SERVICE=WMTS&amp;REQUEST=GetTile",
                        "IGN – Géoplateforme");
        assertThat(pageHeader(identities.citizenToken(lyon, person("lyonnais")), lyon, PlatformHeaders.IMAGE_ORIGIN))
                .as("Lyon chose nothing")
                .isNull();
        assertThat(client.cityAs(admin, city, "DELETE", "/api/mobility-carbon/settings/basemap", null)
                        .status())
                .isEqualTo(204);
        assertThat(pageHeader(citizen, city, PlatformHeaders.IMAGE_ORIGIN)).isNull();
    }

    // ---- tus over HTTP, as a client library would speak it

    private String create(String token, String city, long length) {
        HttpResponse<String> created = http(
                token,
                city,
                "POST",
                UPLOADS,
                HttpRequest.BodyPublishers.noBody(),
                "Upload-Length",
                String.valueOf(length));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created.headers().firstValue("Location").orElseThrow();
    }

    /** Sends {@code file} from {@code offset}; with {@code upTo} short of its end, the connection breaks there. */
    private HttpResponse<String> patch(String token, String city, String upload, long offset, byte[] file, int upTo) {
        byte[] rest = Arrays.copyOfRange(file, (int) offset, file.length);
        HttpRequest.BodyPublisher body = upTo >= file.length
                ? HttpRequest.BodyPublishers.ofByteArray(rest)
                : HttpRequest.BodyPublishers.fromPublisher(brokenAfter(rest, upTo - (int) offset), rest.length);
        try {
            return http.send(
                    request(
                            token,
                            city,
                            "PATCH",
                            upload,
                            body,
                            "Upload-Offset",
                            String.valueOf(offset),
                            "Content-Type",
                            "application/offset+octet-stream"),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first {@code bytes} of the body as they are asked for, then, once they had time to reach the server, the connection fails. */
    private static Flow.Publisher<ByteBuffer> brokenAfter(byte[] body, int bytes) {
        return subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
            private int sent;
            private boolean failed;

            @Override
            public synchronized void request(long n) {
                for (long i = 0; i < n && sent < bytes; i++) {
                    // the client may ask for more from inside onNext: move on before handing the chunk over
                    int from = sent;
                    int length = Math.min(8192, bytes - from);
                    sent += length;
                    subscriber.onNext(ByteBuffer.wrap(body, from, length));
                }
                if (sent >= bytes && !failed) {
                    failed = true;
                    CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS)
                            .execute(() -> subscriber.onError(new IOException("the connection broke")));
                }
            }

            @Override
            public void cancel() {
                sent = bytes;
            }
        });
    }

    /** The offset the server has; while it still holds the upload for the request that broke off, it answers without one, and is asked again. */
    private long offset(String token, String city, String upload) {
        long[] offset = {-1};
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    HttpResponse<String> head = http(token, city, "HEAD", upload, HttpRequest.BodyPublishers.noBody());
                    assertThat(head.statusCode()).isIn(200, 204);
                    head.headers().firstValue("Upload-Offset").ifPresent(value -> offset[0] = Long.parseLong(value));
                    return offset[0] >= 0;
                });
        return offset[0];
    }

    private HttpResponse<String> http(
            String token, String city, String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        try {
            return http.send(request(token, city, method, path, body, headers), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(
            String token, String city, String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(PlatformHeaders.TENANT_ID, city)
                .header(PlatformHeaders.TENANT_SIGNATURE, signature.sign(city))
                .header("Authorization", "Bearer " + token)
                .header("Tus-Resumable", "1.0.0")
                .method(method, body);
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder.build();
    }

    private String pageHeader(String token, String city, String header) {
        HttpResponse<String> page = http(
                token, city, "GET", "/my/mobility-carbon", HttpRequest.BodyPublishers.noBody(), "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        return page.headers().firstValue(header).orElse(null);
    }

    private JsonNode finished(String token, String city, long id) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    String status = client.cityAs(token, city, "GET", IMPORTS + "/" + id, null)
                            .json()
                            .path("status")
                            .asString();
                    return !status.equals("QUEUED") && !status.equals("RUNNING");
                });
        return client.cityAs(token, city, "GET", IMPORTS + "/" + id, null).json();
    }

    private static String id(String upload) {
        return upload.substring(upload.lastIndexOf('/') + 1);
    }

    /** The trace as Google Takeout's Records.json, one record a line, accuracy 6 m. */
    private static String records(Traces trace) {
        StringBuilder json = new StringBuilder("{\"locations\":[");
        List<Traces.Fix> fixes = trace.fixes();
        for (int i = 0; i < fixes.size(); i++) {
            Traces.Fix fix = fixes.get(i);
            json.append(i > 0 ? ",\n" : "")
                    .append("{\"latitudeE7\":")
                    .append(Math.round(fix.lat() * 1e7))
                    .append(",\"longitudeE7\":")
                    .append(Math.round(fix.lon() * 1e7))
                    .append(",\"accuracy\":6,\"timestamp\":\"")
                    .append(fix.time())
                    .append("\"}");
        }
        return json.append("]}").toString();
    }
}
