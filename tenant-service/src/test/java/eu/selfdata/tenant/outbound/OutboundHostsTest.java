package eu.selfdata.tenant.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import eu.selfdata.connectors.outbound.OutboundException;
import eu.selfdata.connectors.outbound.OutboundHttp;
import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.tenant.support.TenantServiceTest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The coordinator's per-city allow-list of outbound hosts, and what it lets each city's connectors reach. */
class OutboundHostsTest extends TenantServiceTest {

    private static final String PATH = "/platform/tenants/%s/outbound-hosts";

    @Autowired
    OutboundHttp http;

    @Test
    void theCoordinatorReplacesACitysListInCanonicalFormAndAKeptEntryKeepsItsAuthor() {
        String city = onboard(freshSlug("lr"), "La Rochelle");

        ServiceClient.Response set = client.platform(
                "PUT",
                PATH.formatted(city),
                Map.of("hosts", List.of("SFTP.Operator.Example.:2222", "10.8.0.5", "[FD00::5]:22", "10.8.0.5")));
        String firstAddedAt = entry(set, "10.8.0.5").path("addedAt").asString();
        ServiceClient.Response replaced = client.platform(
                "PUT", PATH.formatted(city), Map.of("hosts", List.of("10.8.0.5", "data.operator.example")));

        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(hosts(set)).containsExactly("10.8.0.5", "fd00:0:0:0:0:0:0:5:22", "sftp.operator.example:2222");
        assertThat(entry(set, "10.8.0.5").path("addedBy").asString()).isNotBlank();
        assertThat(hosts(replaced)).containsExactly("10.8.0.5", "data.operator.example");
        assertThat(entry(replaced, "10.8.0.5").path("addedAt").asString()).isEqualTo(firstAddedAt);
        assertThat(hosts(client.platform("GET", PATH.formatted(city), null)))
                .containsExactly("10.8.0.5", "data.operator.example");
        assertThat(client.platform("GET", "/platform/tenants/" + city, null)
                        .json()
                        .path("events")
                        .toString())
                .contains("OUTBOUND_HOSTS_SET")
                .contains("data.operator.example");
    }

    @Test
    void theLongestListIsStoredWholeAndItsHistoryEntryShortened() {
        String city = onboard(freshSlug("long"), "Long");
        List<String> longNames = IntStream.range(0, 50)
                .mapToObj(i -> "h" + i + "." + "operator.".repeat(20) + "example")
                .toList();

        ServiceClient.Response set = client.platform("PUT", PATH.formatted(city), Map.of("hosts", longNames));

        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(hosts(set)).hasSize(50);
        assertThat(client.platform("GET", "/platform/tenants/" + city, null)
                        .json()
                        .path("events")
                        .toString())
                .contains("OUTBOUND_HOSTS_SET");
    }

    @Test
    void cityAdminsOfThatCityOrAnotherAreForbiddenAndTheCityHostDoesNotServeIt() {
        String larochelle = onboard(freshSlug("lr"), "La Rochelle");
        String lyon = onboard(freshSlug("ly"), "Lyon");
        client.platform("PUT", PATH.formatted(larochelle), Map.of("hosts", List.of("sftp.operator.example")));
        Map<String, Object> takeover = Map.of("hosts", List.of("127.0.0.1", "169.254.169.254"));

        ServiceClient.Response ownAdmin =
                client.platformAs(identities.cityAdminToken(larochelle), "PUT", PATH.formatted(larochelle), takeover);
        ServiceClient.Response otherAdmin =
                client.platformAs(identities.cityAdminToken(lyon), "PUT", PATH.formatted(larochelle), takeover);
        ServiceClient.Response otherAdminReads =
                client.platformAs(identities.cityAdminToken(lyon), "GET", PATH.formatted(larochelle), null);
        ServiceClient.Response onCityHost = client.cityAs(
                identities.cityAdminToken(larochelle), larochelle, "PUT", PATH.formatted(larochelle), takeover);

        assertThat(ownAdmin.status()).isEqualTo(403);
        assertThat(ownAdmin.problemType()).isEqualTo("forbidden");
        assertThat(otherAdmin.status()).isEqualTo(403);
        assertThat(otherAdminReads.status()).isEqualTo(403);
        assertThat(onCityHost.status()).isEqualTo(404);
        assertThat(hosts(client.platform("GET", PATH.formatted(larochelle), null)))
                .containsExactly("sftp.operator.example");
        assertThat(hosts(client.platform("GET", PATH.formatted(lyon), null))).isEmpty();
    }

    @Test
    void anInvalidListIsA400NamingTheValueAndChangesNothing() {
        String city = onboard(freshSlug("inv"), "Invalid");
        client.platform("PUT", PATH.formatted(city), Map.of("hosts", List.of("sftp.operator.example")));

        for (String bad : List.of(
                "bad host!",
                "http://10.0.0.1/",
                "{{selfdata.gateway.secret}}",
                "host:99999",
                "a_b.example",
                "x".repeat(300))) {
            ServiceClient.Response refused =
                    client.platform("PUT", PATH.formatted(city), Map.of("hosts", List.of("ok.example", bad)));
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.problemType()).isEqualTo("invalid-request");
            assertThat(refused.json().path("detail").asString()).contains("'" + bad + "'");
        }
        ServiceClient.Response tooMany = client.platform(
                "PUT",
                PATH.formatted(city),
                Map.of(
                        "hosts",
                        IntStream.range(0, 51)
                                .mapToObj(i -> "h" + i + ".example")
                                .toList()));
        ServiceClient.Response noList = client.platform("PUT", PATH.formatted(city), Map.of());
        ServiceClient.Response unknownCity =
                client.platform("PUT", PATH.formatted("no-such-city"), Map.of("hosts", List.of("ok.example")));

        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("detail").asString()).contains("at most 50 hosts");
        assertThat(noList.status()).isEqualTo(400);
        assertThat(unknownCity.status()).isEqualTo(404);
        assertThat(unknownCity.problemType()).isEqualTo("unknown-tenant");
        assertThat(hosts(client.platform("GET", PATH.formatted(city), null))).containsExactly("sftp.operator.example");
    }

    @Test
    void aHostAllowListedForOneCityIsReachedByThatCitysConnectorsOnly() throws Exception {
        String larochelle = onboard(freshSlug("lr"), "La Rochelle");
        String lyon = onboard(freshSlug("ly"), "Lyon");
        HttpServer operator = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        operator.createContext("/calendar", exchange -> {
            byte[] body = "{\"results\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        operator.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + operator.getAddress().getPort() + "/calendar");
            assertThatThrownBy(() -> http.getText(larochelle, url, Map.of()))
                    .isInstanceOf(OutboundException.Refused.class);

            client.platform(
                    "PUT",
                    PATH.formatted(larochelle),
                    Map.of("hosts", List.of("127.0.0.1:" + operator.getAddress().getPort())));

            assertThat(http.getText(larochelle, url, Map.of("Accept", "application/json"))
                            .body())
                    .isEqualTo("{\"results\":[]}");
            assertThatThrownBy(() -> http.getText(lyon, url, Map.of()))
                    .isInstanceOf(OutboundException.Refused.class)
                    .hasMessageContaining("loopback");
        } finally {
            operator.stop(0);
        }
    }

    private static List<String> hosts(ServiceClient.Response response) {
        return response.json()
                .path("hosts")
                .valueStream()
                .map(entry -> entry.path("host").asString()
                        + (entry.path("port").isNull()
                                ? ""
                                : ":" + entry.path("port").asInt()))
                .toList();
    }

    private static tools.jackson.databind.JsonNode entry(ServiceClient.Response response, String host) {
        return response.json()
                .path("hosts")
                .valueStream()
                .filter(entry -> entry.path("host").asString().equals(host))
                .findFirst()
                .orElseThrow();
    }
}
