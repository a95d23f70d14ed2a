package eu.selfdata.connectors.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import eu.selfdata.usecase.api.outbound.OutboundHost;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;

/** The outbound HTTP client against JDK servers on 127.0.0.1, one class of attack per test. */
class OutboundHttpTest {

    private static final String LA_ROCHELLE = "larochelle";
    private static final String LYON = "lyon";
    static final OutboundSettings SETTINGS = new OutboundSettings(
            List.of("*.platform.test", "platform.test"),
            Duration.ofSeconds(2),
            Duration.ofSeconds(10),
            Duration.ofSeconds(2),
            Duration.ofSeconds(3),
            DataSize.ofKilobytes(64),
            DataSize.ofMegabytes(1));
    /** Test names; anything else is unknown (tests never ask the real DNS). */
    static final Map<String, String> NAMES = Map.of(
            "open-data.test", "127.0.0.1",
            "intranet.test", "10.1.2.3",
            "keycloak.platform.test", "127.0.0.1");

    private final Map<String, List<OutboundHost>> allowLists = new ConcurrentHashMap<>();
    private final OutboundHttp http = new OutboundHttp(
            new OutboundGuard(SETTINGS, city -> allowLists.getOrDefault(city, List.of()), OutboundHttpTest::resolve),
            new LoopbackOnlySockets());
    private final List<FarEnd> servers = new ArrayList<>();

    @TempDir
    Path dir;

    static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = NAMES.get(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    }

    @AfterEach
    void stop() {
        servers.forEach(FarEnd::close);
        http.close();
    }

    @Test
    void aLoopbackUrlIsRefusedByDefaultAndNothingReachesTheServer() throws IOException {
        FarEnd far = server().on("/", exchange -> FarEnd.answer(exchange, 200, "application/json", "{}"));

        assertThatThrownBy(() -> http.getText(LYON, far.url("/records"), Map.of()))
                .isInstanceOf(OutboundException.Refused.class)
                .hasMessageContaining("loopback");
        assertThat(far.requests).isEmpty();
    }

    @Test
    void aLoopbackHostAllowListedForOneCityIsFetchedForThatCityAndRefusedForAnother() throws IOException {
        FarEnd far = server().on(
                        "/",
                        exchange -> FarEnd.answer(
                                exchange, 200, "application/json; charset=utf-8", "{\"results\":[\"é\"]}"));
        allow(LA_ROCHELLE, "127.0.0.1:" + far.port());

        OutboundHttp.Text answer =
                http.getText(LA_ROCHELLE, far.url("/records?apikey=k"), Map.of("Accept", "application/json"));

        assertThat(answer.body()).isEqualTo("{\"results\":[\"é\"]}");
        assertThat(far.requests.getFirst().getRequestHeaders().getFirst("Accept"))
                .isEqualTo("application/json");
        assertThatThrownBy(() -> http.getText(LYON, far.url("/records"), Map.of()))
                .isInstanceOf(OutboundException.Refused.class);
        assertThat(far.requests).hasSize(1);
    }

    @Test
    void anAllowListedNameReachesItsNonPublicAddressOnlyForItsCityAndOnlyOnItsPort() throws IOException {
        FarEnd far = server().on("/", exchange -> FarEnd.answer(exchange, 200, "text/plain", "ok"));
        allow(LA_ROCHELLE, "open-data.test:" + far.port());
        URI url = URI.create("http://Open-Data.TEST.:" + far.port() + "/");

        assertThat(http.getText(LA_ROCHELLE, url, Map.of()).body()).isEqualTo("ok");
        assertThatThrownBy(() -> http.getText(LYON, url, Map.of()))
                .isInstanceOf(OutboundException.Refused.class)
                .hasMessageContaining("open-data.test resolves to 127.0.0.1");
        assertThatThrownBy(() -> http.getText(
                        LA_ROCHELLE, URI.create("http://open-data.test:" + (far.port() + 1) + "/"), Map.of()))
                .isInstanceOf(OutboundException.Refused.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "http://127.0.0.2:{port}/                      | loopback",
                "http://Keycloak.Platform.Test.:{port}/        | platform's own hosts",
                "http://[::1]:{port}/                          | loopback",
                "http://[::ffff:127.0.0.1]:{port}/             | loopback",
                "http://10.1.2.3/                              | private (10.0.0.0/8)",
                "http://192.168.1.1:8080/admin                 | private (192.168.0.0/16)",
                "http://intranet.test/                         | intranet.test resolves to 10.1.2.3",
                "http://169.254.169.254/latest/meta-data/      | cloud metadata",
                "http://[fd00:ec2::254]/latest/meta-data/      | unique local",
                "http://keycloak.platform.test/admin           | platform's own hosts",
                "file:///etc/passwd                            | only http and https",
                "gopher://127.0.0.1:{port}/                    | only http and https",
                "http://admin:secret@open-data.test:{port}/    | user info"
            })
    void aRedirectFromAnAllowedServerIsCheckedAgain(String location, String reason) throws IOException {
        FarEnd target =
                server().on("/", exchange -> FarEnd.answer(exchange, 200, "text/plain", "should never be read"));
        FarEnd allowed = server().on(
                        "/",
                        exchange ->
                                FarEnd.redirect(exchange, location.replace("{port}", Integer.toString(target.port()))));
        allow(LA_ROCHELLE, "127.0.0.1:" + allowed.port());

        OutboundException.Refused refused = catchThrowableOfType(
                OutboundException.Refused.class, () -> http.getText(LA_ROCHELLE, allowed.url("/feed"), Map.of()));

        assertThat(refused).hasMessageContaining(reason).hasMessageNotContaining("secret");
        assertThat(target.requests).isEmpty();
        assertThat(allowed.requests).hasSize(1);
    }

    @Test
    void fiveRedirectsAreFollowedAndASixthIsRefused() throws IOException {
        AtomicInteger hops = new AtomicInteger();
        FarEnd far = server();
        far.on("/hop/", exchange -> {
                    int n = Integer.parseInt(exchange.getRequestURI().getPath().substring(5));
                    hops.incrementAndGet();
                    FarEnd.redirect(exchange, "/hop/" + (n + 1));
                })
                .on("/hop/5", exchange -> FarEnd.answer(exchange, 200, "text/plain", "after five"));
        allow(LA_ROCHELLE, "127.0.0.1");

        assertThat(http.getText(LA_ROCHELLE, far.url("/hop/0"), Map.of()).uri().getPath())
                .isEqualTo("/hop/5");
        far.on("/loop", exchange -> FarEnd.redirect(exchange, "/loop"));
        assertThatThrownBy(() -> http.getText(LA_ROCHELLE, far.url("/loop"), Map.of()))
                .isInstanceOf(OutboundException.Refused.class)
                .hasMessageContaining("more than 5 redirects");
        assertThat(far.requests.stream()
                        .filter(exchange -> exchange.getRequestURI().getPath().equals("/loop")))
                .hasSize(6);
    }

    @Test
    void credentialsAreNotForwardedWhenARedirectChangesOrigin() throws IOException {
        FarEnd other = server().on("/", exchange -> FarEnd.answer(exchange, 200, "text/plain", "other"));
        FarEnd first = server().on(
                        "/",
                        exchange -> FarEnd.redirect(exchange, other.url("/data").toString()));
        allow(LA_ROCHELLE, "127.0.0.1");

        http.getText(LA_ROCHELLE, first.url("/"), Map.of("Authorization", "Apikey k", "Accept", "text/plain"));

        assertThat(first.requests.getFirst().getRequestHeaders().getFirst("Authorization"))
                .isEqualTo("Apikey k");
        assertThat(other.requests.getFirst().getRequestHeaders().containsKey("Authorization"))
                .isFalse();
        assertThat(other.requests.getFirst().getRequestHeaders().getFirst("Accept"))
                .isEqualTo("text/plain");
    }

    @Test
    void anErrorAnswerIsReportedByItsStatusNeverByItsBody() throws IOException {
        FarEnd far = server().on(
                        "/", exchange -> FarEnd.answer(exchange, 503, "text/html", "<h1>SECRET-INTERNAL-PAGE</h1>"));
        allow(LA_ROCHELLE, "127.0.0.1");

        OutboundException.Status failure = catchThrowableOfType(
                OutboundException.Status.class,
                () -> http.getText(LA_ROCHELLE, far.url("/records?apikey=KEY-IN-QUERY"), Map.of()));

        assertThat(failure.status()).isEqualTo(503);
        assertThat(failure).hasMessage("GET http://127.0.0.1:" + far.port() + "/records answered 503");
    }

    @Test
    void aBodyOverTheCapIsRefusedWhileStreamingWithoutReadingTheRest() throws IOException {
        long total = 256L * 1024 * 1024;
        FarEnd chunked = server();
        chunked.on("/", exchange -> chunked.stream(exchange, total, false));
        FarEnd announced = server();
        announced.on("/", exchange -> announced.stream(exchange, total, true));
        allow(LA_ROCHELLE, "127.0.0.1");

        long start = System.nanoTime();
        assertThatThrownBy(() -> http.getText(LA_ROCHELLE, chunked.url("/"), Map.of()))
                .isInstanceOf(OutboundException.TooLarge.class)
                .hasMessageContaining("exceeds the cap of 65536 bytes");
        assertThatThrownBy(() -> http.getText(LA_ROCHELLE, announced.url("/"), Map.of()))
                .isInstanceOf(OutboundException.TooLarge.class)
                .hasMessageContaining("announces 268435456 bytes");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        // Socket buffers take a few megabytes at most; the 256 MiB are never sent.
        assertThat(chunked.bytesWritten.get()).isLessThan(16L * 1024 * 1024);
        assertThat(announced.bytesWritten.get()).isLessThan(16L * 1024 * 1024);
    }

    @Test
    void aDownloadIsWrittenWholeUnderItsCapAndRefusedPastIt() throws IOException {
        byte[] feed = new byte[700 * 1024];
        new java.util.Random(7).nextBytes(feed);
        FarEnd far = server().on("/gtfs.zip", exchange -> {
            exchange.sendResponseHeaders(200, feed.length);
            exchange.getResponseBody().write(feed);
        });
        far.on("/huge.zip", exchange -> far.stream(exchange, 512L * 1024 * 1024, false));
        allow(LA_ROCHELLE, "127.0.0.1");
        Path target = dir.resolve("feed.zip");

        OutboundHttp.Download download = http.download(LA_ROCHELLE, far.url("/gtfs.zip"), Map.of(), target);

        assertThat(download.bytes()).isEqualTo(feed.length);
        assertThat(Files.readAllBytes(target)).isEqualTo(feed);
        assertThatThrownBy(() -> http.download(LA_ROCHELLE, far.url("/huge.zip"), Map.of(), target))
                .isInstanceOf(OutboundException.TooLarge.class)
                .hasMessageContaining("exceeds the cap of 1048576 bytes");
        assertThat(Files.size(target)).isLessThanOrEqualTo(1024 * 1024 + 64 * 1024);
        assertThat(far.bytesWritten.get()).isLessThan(32L * 1024 * 1024);
    }

    @Test
    void aServerTricklingItsBodyIsStoppedAtTheDeadline() throws IOException {
        FarEnd far = server().on("/", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            for (int i = 0; i < 30; i++) { // a byte a second: never silent long enough for the read timeout
                body.write('x');
                body.flush();
                sleep(Duration.ofSeconds(1));
            }
        });
        allow(LA_ROCHELLE, "127.0.0.1");

        long start = System.nanoTime();
        assertThatThrownBy(() -> http.getText(LA_ROCHELLE, far.url("/"), Map.of()))
                .isInstanceOf(OutboundException.Timeout.class)
                .hasMessageContaining("no complete answer")
                .hasMessageContaining("within 2 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isBetween(Duration.ofMillis(1900), Duration.ofMillis(3500));
    }

    @Test
    void aServerTricklingItsHeadersIsStoppedAtTheDeadline() throws Exception {
        try (ServerSocket trickler = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket client = trickler.accept();
                        OutputStream out = client.getOutputStream()) {
                    for (byte b : "HTTP/1.1 200 OK\r\nX-Slow: ".repeat(2).getBytes(StandardCharsets.US_ASCII)) {
                        out.write(b);
                        out.flush();
                        sleep(Duration.ofMillis(500));
                    }
                } catch (IOException e) {
                    // the client gave up: expected
                }
            });
            allow(LA_ROCHELLE, "127.0.0.1");

            long start = System.nanoTime();
            assertThatThrownBy(() -> http.getText(
                            LA_ROCHELLE, URI.create("http://127.0.0.1:" + trickler.getLocalPort() + "/"), Map.of()))
                    .isInstanceOf(OutboundException.Timeout.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3500));
        }
    }

    private FarEnd server() throws IOException {
        FarEnd server = new FarEnd();
        servers.add(server);
        return server;
    }

    private void allow(String city, String host) {
        allowLists.merge(
                city,
                List.of(OutboundHost.parse(host)),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
