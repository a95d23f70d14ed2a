package eu.selfdata.governance.tenantservice;

import java.time.Clock;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** governance's own access token (client credentials), kept until shortly before it expires. */
class ServiceAccountToken {

    private static final long MARGIN_SECONDS = 30;

    private final RestClient http;
    private final TenantServiceProperties properties;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    ServiceAccountToken(RestClient http, TenantServiceProperties properties, Clock clock) {
        this.http = http;
        this.properties = properties;
        this.clock = clock;
    }

    synchronized String value() {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("grant_type", "client_credentials");
            form.add("client_id", properties.clientId());
            form.add("client_secret", properties.clientSecret());
            JsonNode answer = http.post()
                    .uri(properties.tokenUri())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .body(JsonNode.class);
            token = answer.path("access_token").asString();
            renewAt = clock.instant()
                    .plusSeconds(Math.max(0, answer.path("expires_in").asLong(60) - MARGIN_SECONDS));
        }
        return token;
    }
}
