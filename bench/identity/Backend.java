import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The cheapest backend the gateway can sit in front of, for bench/identity/gateway-jwt.sh: the
 * tenant directory the gateway polls (the ACTIVE cities args[1..]) and a small JSON answer on any
 * other path. Usage: java Backend.java <port> <city>...
 */
public class Backend {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String tenants = java.util.Arrays.stream(args).skip(1)
                .map(slug -> "{\"slug\":\"" + slug + "\",\"status\":\"ACTIVE\",\"customDomains\":[]}")
                .collect(java.util.stream.Collectors.joining(","));
        byte[] directory = ("{\"version\":\"bench\",\"tenants\":[" + tenants + "]}").getBytes(StandardCharsets.UTF_8);
        byte[] answer = "{\"items\":[{\"id\":1,\"title\":\"Bench\"}]}".getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestURI().getPath().equals("/internal/tenant-directory") ? directory : answer;
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        System.out.println("backend on 127.0.0.1:" + port);
    }
}
