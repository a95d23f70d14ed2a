package eu.selfdata.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A load balancer keeps its connections to the gateway open and may send a request before the
 * previous one is finished. With reactor-netty 1.3.6, a connection on which a request was buffered
 * that way and then answered at once stopped reading: every later request on it hung
 * (reactor/reactor-netty#4361, fixed in 1.3.8, which the root pom selects).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "selfdata.gateway.secret=" + Signatures.SECRET)
class KeepAliveTest {

    @AutoClose
    static final TestBackends backends = TestBackends.start().withTenant("larochelle", "ACTIVE");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        backends.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void aKeepAliveConnectionAnswersEveryRequestAfterOnesSentBeforeTheirPredecessorsEnded() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int round = 0; round < 3; round++) {
                // proxied (answered later, by the upstream), then a problem the gateway answers at once, in one write
                send(out, get("larochelle.localhost", "/api/trips") + get("localhost", "/api/x"));
                assertThat(status(in)).as("proxied, round " + round).isEqualTo(200);
                assertThat(status(in)).as("answered at once, round " + round).isEqualTo(404);
                send(out, get("localhost", "/api/x"));
                assertThat(status(in)).as("the next request, round " + round).isEqualTo(404);
            }
        }
    }

    private static String get(String host, String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json\r\n\r\n";
    }

    private static void send(OutputStream out, String requests) throws IOException {
        out.write(requests.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads one response (fixed length or chunked) and returns its status. */
    private static int status(InputStream in) throws IOException {
        String head = line(in);
        int status = Integer.parseInt(head.split(" ")[1]);
        long length = 0;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(
                        lower.substring("content-length:".length()).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (!chunked) {
            in.readNBytes((int) length);
            return status;
        }
        for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
            in.readNBytes(size);
            line(in);
        }
        line(in);
        return status;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed by the gateway");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
