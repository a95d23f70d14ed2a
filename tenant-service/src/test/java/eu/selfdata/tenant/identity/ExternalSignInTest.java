package eu.selfdata.tenant.identity;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.tenant.support.TenantServiceTest;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import tools.jackson.databind.json.JsonMapper;

/**
 * FranceConnect-ready sign-in against a stand-in provider: a second realm of the same Keycloak whose client returns
 * FranceConnect's claims and {@code acr eidas1}. The coordinator adds it to one city; a person signing in through it
 * on that city's portal becomes a citizen of that city only (a verified one), a token from it opens no other city,
 * another city's portal cannot use it, and a city that requires eidas2 refuses the eidas1 it returns.
 */
class ExternalSignInTest extends TenantServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BROKER_CLIENT = "selfdata-broker";
    private static final String BROKER_SECRET = "stand-in-broker-secret-2026";
    private static final String PERSON_PASSWORD = "Stand-in-person-2026!";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void aPersonSigningInThroughTheCitysProviderBecomesAVerifiedCitizenOfThatCityOnly() throws Exception {
        String standIn = standInRealm();
        String city = onboard(freshSlug("fc"), "Franceville");
        String other = onboard(freshSlug("other"), "Autreville");
        ServiceClient.Response added = client.platform(
                "PUT", "/platform/tenants/" + city + "/identity-providers/franceconnect", provider(standIn, "eidas1"));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().path("alias").asString()).isEqualTo(city + ".franceconnect");
        assertThat(added.body()).doesNotContain(BROKER_SECRET);
        String person = "marie-" + UUID.randomUUID().toString().substring(0, 8) + "@standin.example";
        standInPerson(standIn, person);

        SignIn signIn = new SignIn();
        Optional<String> code = signIn.through(city, city + ".franceconnect", person);
        assertThat(code)
                .as("signed in through the provider:\n%s", signIn.lastBody)
                .isPresent();
        String token = signIn.token(city, code.get());

        Map<?, ?> claims = JSON.readValue(Base64.getUrlDecoder().decode(token.split("\\.")[1]), Map.class);
        assertThat(claims.get("organization")).isEqualTo(List.of(city));
        assertThat(claims.get("email_verified")).isEqualTo(true);
        assertThat(claims.get("given_name")).isEqualTo("Marie");
        assertThat(client.cityAs(token, city, "GET", "/api/me", null).status()).isEqualTo(200);
        ServiceClient.Response elsewhere = client.cityAs(token, other, "GET", "/api/me", null);
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.problemType()).isEqualTo("wrong-city");
        var user = identities.realm().users().searchByEmail(person, true).getFirst();
        assertThat(user.getAttributes() == null ? Map.of() : user.getAttributes())
                .as("the birthdate is never kept")
                .doesNotContainKey("birthdate");

        assertThat(new SignIn().through(other, city + ".franceconnect", person))
                .as("another city's portal cannot use it")
                .isEmpty();
    }

    @Test
    void anAcrBelowTheCitysLevelIsRefused() throws Exception {
        String standIn = standInRealm();
        String city = onboard(freshSlug("strict"), "Strictville");
        assertThat(client.platform(
                                "PUT",
                                "/platform/tenants/" + city + "/identity-providers/franceconnect",
                                provider(standIn, "eidas2"))
                        .status())
                .isEqualTo(200);
        String person = "paul-" + UUID.randomUUID().toString().substring(0, 8) + "@standin.example";
        standInPerson(standIn, person);

        SignIn signIn = new SignIn();
        assertThat(signIn.through(city, city + ".franceconnect", person)).isEmpty();
        assertThat(identities.realm().users().searchByEmail(person, true))
                .as("no account made")
                .isEmpty();

        // the same person, the same provider at the level it vouches for: the refusal was the level's
        assertThat(client.platform(
                                "PUT",
                                "/platform/tenants/" + city + "/identity-providers/franceconnect-low",
                                provider(standIn, "eidas1"))
                        .status())
                .isEqualTo(200);
        assertThat(new SignIn().through(city, city + ".franceconnect-low", person))
                .isPresent();
    }

    @Test
    void onlyTheCoordinatorConfiguresProvidersOfACityWithCheckedValues() {
        String city = onboard(freshSlug("idp"), "Idpville");
        String other = onboard(freshSlug("idp2"), "Idp2ville");
        Map<String, Object> good = provider("fc-unused", "eidas1");
        Map<String, Object> plainHttp = new LinkedHashMap<>(good);
        plainHttp.put("tokenUrl", "http://fc.example.org/token");

        assertThat(client.platformAs(
                                identities.cityAdminToken(city),
                                "PUT",
                                "/platform/tenants/" + city + "/identity-providers/fc",
                                good)
                        .status())
                .isEqualTo(403);
        assertThat(client.platform("PUT", "/platform/tenants/" + city + "/identity-providers/fc", plainHttp)
                        .status())
                .isEqualTo(400);
        assertThat(client.platform("PUT", "/platform/tenants/" + city + "/identity-providers/Bad.Name", good)
                        .status())
                .isEqualTo(400);
        assertThat(client.platform(
                                "PUT",
                                "/platform/tenants/" + city + "/identity-providers/fc",
                                Map.of("displayName", "x"))
                        .status())
                .isEqualTo(400);
        assertThat(client.platform("PUT", "/platform/tenants/" + city + "/identity-providers/fc", good)
                        .status())
                .isEqualTo(200);

        assertThat(client.platform("GET", "/platform/tenants/" + other + "/identity-providers", null)
                        .json())
                .as("not another city's")
                .isEmpty();
        assertThat(client.platform("DELETE", "/platform/tenants/" + other + "/identity-providers/fc", null)
                        .status())
                .isEqualTo(404);
        assertThat(client.platform("GET", "/platform/tenants/" + city + "/identity-providers", null)
                        .json())
                .hasSize(1);
        assertThat(client.platform("DELETE", "/platform/tenants/" + city + "/identity-providers/fc", null)
                        .status())
                .isEqualTo(204);
        assertThat(client.platform("GET", "/platform/tenants/" + city + "/identity-providers", null)
                        .json())
                .isEmpty();
    }

    private Map<String, Object> provider(String standIn, String minimumAcr) {
        String issuer = identities.server().baseUrl() + "/realms/" + standIn;
        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("displayName", "FranceConnect");
        provider.put("issuer", issuer);
        provider.put("authorizationUrl", issuer + "/protocol/openid-connect/auth");
        provider.put("tokenUrl", issuer + "/protocol/openid-connect/token");
        provider.put("jwksUrl", issuer + "/protocol/openid-connect/certs");
        provider.put("clientId", BROKER_CLIENT);
        provider.put("clientSecret", BROKER_SECRET);
        provider.put("minimumAcr", minimumAcr);
        // the stand-in knows Keycloak's scopes; FranceConnect's own are the default
        provider.put("scopes", "openid profile email");
        return provider;
    }

    /** The realm playing FranceConnect: one confidential client whose id tokens say acr eidas1. */
    private String standInRealm() {
        String name = "fc-standin-" + UUID.randomUUID().toString().substring(0, 8);
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(name);
        realm.setEnabled(true);
        identities.admin().realms().create(realm);
        ClientRepresentation broker = new ClientRepresentation();
        broker.setClientId(BROKER_CLIENT);
        broker.setPublicClient(false);
        broker.setSecret(BROKER_SECRET);
        broker.setStandardFlowEnabled(true);
        broker.setRedirectUris(List.of(identities.server().baseUrl() + "/realms/selfdata/broker/*"));
        broker.setDefaultClientScopes(List.of("basic", "profile", "email"));
        ProtocolMapperRepresentation acr = new ProtocolMapperRepresentation();
        acr.setName("acr eidas1");
        acr.setProtocol("openid-connect");
        acr.setProtocolMapper("oidc-hardcoded-claim-mapper");
        acr.setConfig(Map.of(
                "claim.name",
                "acr",
                "claim.value",
                "eidas1",
                "jsonType.label",
                "String",
                "id.token.claim",
                "true",
                "access.token.claim",
                "true",
                "userinfo.token.claim",
                "true"));
        broker.setProtocolMappers(List.of(acr));
        try (Response ignored = identities.admin().realm(name).clients().create(broker)) {
            // 201
        }
        return name;
    }

    private void standInPerson(String realm, String email) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setEmailVerified(true);
        user.setFirstName("Marie");
        user.setLastName("Dupont");
        user.setEnabled(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PERSON_PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        try (Response ignored = identities.admin().realm(realm).users().create(user)) {
            // 201
        }
    }

    /** A browser signing in on a city's portal client straight at the identity server (no gateway needed here). */
    private final class SignIn {

        private final HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        /** Cookies by path and name: both realms are on one host, and Keycloak marks its cookies Secure even over http. */
        private final Map<String, HttpCookie> cookies = new LinkedHashMap<>();

        private String lastBody = "";

        private HttpResponse<String> send(HttpRequest.Builder request, URI uri)
                throws IOException, InterruptedException {
            String jar = cookies.values().stream()
                    .filter(cookie -> uri.getPath().startsWith(cookie.getPath() == null ? "/" : cookie.getPath()))
                    .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                    .collect(Collectors.joining("; "));
            if (!jar.isEmpty()) {
                request.header("Cookie", jar);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                for (HttpCookie cookie : HttpCookie.parse(header)) {
                    String key = cookie.getPath() + "|" + cookie.getName();
                    if (cookie.getMaxAge() == 0) {
                        cookies.remove(key);
                    } else {
                        cookies.put(key, cookie);
                    }
                }
            }
            return response;
        }

        Optional<String> through(String city, String providerAlias, String person)
                throws IOException, InterruptedException {
            String redirect = redirect(city);
            URI next = URI.create(
                    identities.server().issuer() + "/protocol/openid-connect/auth?response_type=code&scope=openid"
                            + "&client_id=portal-" + city + "&redirect_uri=" + encode(redirect)
                            + "&state=s&nonce=n&code_challenge=" + CHALLENGE
                            + "&code_challenge_method=S256&kc_idp_hint=" + encode(providerAlias));
            HttpResponse<String> response = send(HttpRequest.newBuilder(next).GET(), next);
            for (int step = 0; step < 20; step++) {
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isPresent()) {
                    next = next.resolve(location.get());
                    if (next.toString().startsWith(redirect)) {
                        return Optional.ofNullable(query(next).get("code"));
                    }
                    response = send(HttpRequest.newBuilder(next).GET(), next);
                    continue;
                }
                lastBody = response.body();
                Document page = Jsoup.parse(response.body(), next.toString());
                Element form = page.selectFirst(
                        "form#kc-form-login, form#kc-idp-review-profile-form, form#kc-update-profile-form");
                if (response.statusCode() != 200 || form == null) {
                    return Optional.empty();
                }
                Map<String, String> fields = new LinkedHashMap<>();
                form.select("input[name]").forEach(input -> fields.put(input.attr("name"), input.val()));
                if (fields.containsKey("password")) {
                    fields.put("username", person);
                    fields.put("password", PERSON_PASSWORD);
                }
                next = URI.create(form.absUrl("action"));
                response = send(
                        HttpRequest.newBuilder(next)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form(fields))),
                        next);
            }
            return Optional.empty();
        }

        String token(String city, String code) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(identities.server().issuer() + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                                    "grant_type",
                                    "authorization_code",
                                    "code",
                                    code,
                                    "client_id",
                                    "portal-" + city,
                                    "redirect_uri",
                                    redirect(city),
                                    "code_verifier",
                                    VERIFIER))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body()).path("access_token").asString();
        }

        private static String redirect(String city) {
            return "http://" + city + ".localhost:8080/login/oauth2/code/" + city;
        }
    }

    private static Map<String, String> query(URI uri) {
        return java.util.Arrays.stream(uri.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> pair[0],
                        pair -> java.net.URLDecoder.decode(pair.length > 1 ? pair[1] : "", StandardCharsets.UTF_8),
                        (a, b) -> a));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
