package eu.selfdata.tenant.support;

import eu.selfdata.keycloak.KeycloakServer;
import eu.selfdata.mailbox.Mailbox;
import eu.selfdata.tenant.identity.CityIdentity;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real tokens from the real Keycloak for test users: a coordinator, and per city an admin and a
 * citizen who are members of that city's Organization. Tokens come from a password grant on a test
 * client this class creates; they are cached for less than their 5 minute lifetime.
 */
public final class TestIdentities {

    public static final String PASSWORD = "Test-password-2026";
    private static final String CLIENT = "selfdata-tests";
    private static final Duration REUSE = Duration.ofMinutes(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TestIdentities shared;

    private final KeycloakServer server;
    private final Keycloak admin;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();
    private Mailbox mailbox;

    /**
     * This test JVM's mailbox, the realm's SMTP server from the first call on (the realm file names the dev run's
     * port; CI's shared Keycloak serves one module's tests at a time, and each points it at its own mailbox).
     */
    public synchronized Mailbox mailbox() {
        if (mailbox == null) {
            mailbox = Mailbox.start(0, 0);
            server.useMailServer(new KeycloakServer.MailServer(
                    mailbox.smtpHost(), mailbox.smtpPort(), "no-reply@selfdata.localhost", "Self Data Territorial"));
            Runtime.getRuntime().addShutdownHook(new Thread(mailbox::close, "mailbox-stop"));
        }
        return mailbox;
    }

    /** {@code spring.mail.*} pointing a service's mail sender at this JVM's mailbox. */
    public Map<String, String> mailProperties() {
        return Map.of(
                "spring.mail.host",
                mailbox().smtpHost(),
                "spring.mail.port",
                String.valueOf(mailbox().smtpPort()));
    }

    private TestIdentities(KeycloakServer server) {
        this.server = server;
        this.admin = KeycloakBuilder.builder()
                .serverUrl(server.baseUrl().toString())
                .realm("master")
                .clientId("admin-cli")
                .username(server.settings().adminUsername())
                .password(server.settings().adminPassword())
                .build();
        ensureTestClient();
    }

    public static synchronized TestIdentities shared() {
        if (shared == null) {
            shared = new TestIdentities(KeycloakServer.shared());
        }
        return shared;
    }

    public KeycloakServer server() {
        return server;
    }

    public RealmResource realm() {
        return admin.realm(KeycloakServer.REALM);
    }

    /** The identity server's administration, e.g. to set up a second realm that plays an external provider. */
    public Keycloak admin() {
        return admin;
    }

    public String coordinatorToken() {
        String username = "coordinator@tests.selfdata.eu";
        ensureUser(username);
        var user = realm().users().get(userId(username));
        user.roles()
                .realmLevel()
                .add(List.of(realm().roles().get("platform-coordinator").toRepresentation()));
        return token(username, "openid");
    }

    /** An admin of this city (member + the city-admin role of its portal client). The city must be onboarded. */
    public String cityAdminToken(String slug) {
        String username = "admin@" + slug + ".tests.selfdata.eu";
        String id = ensureMember(username, slug);
        ClientRepresentation portal = realm().clients()
                .findByClientId(CityIdentity.portalClientId(slug))
                .getFirst();
        realm().users()
                .get(id)
                .roles()
                .clientLevel(portal.getId())
                .add(List.of(realm().clients()
                        .get(portal.getId())
                        .roles()
                        .get("city-admin")
                        .toRepresentation()));
        return token(username, "openid organization:" + slug);
    }

    /** A citizen of this city. The city must be onboarded. */
    public String citizenToken(String slug) {
        return citizenToken(slug, "citizen");
    }

    /** Another citizen of this city, told apart by {@code name}. The city must be onboarded. */
    public String citizenToken(String slug, String name) {
        String username = name + "@" + slug + ".tests.selfdata.eu";
        ensureMember(username, slug);
        return token(username, "openid organization:" + slug);
    }

    /**
     * A citizen of this city whose e-mail address is not verified (rule 11: such an account does not count as a
     * person). The city must be onboarded. {@link #citizenToken(String, String)} with the same name afterwards
     * gives a verified token only after {@link #verifyEmail}.
     */
    public String unverifiedCitizenToken(String slug, String name) {
        String username = name + "@" + slug + ".tests.selfdata.eu";
        ensureUser(username, false);
        ensureMember(username, slug);
        return token(username, "openid organization:" + slug);
    }

    /** Marks the user's e-mail address verified, as following the verification mail's link does; new tokens say so. */
    public void verifyEmail(String username) {
        var user = realm().users().get(userId(username));
        UserRepresentation representation = user.toRepresentation();
        representation.setEmailVerified(true);
        user.update(representation);
        tokens.keySet().removeIf(key -> key.startsWith(username + " "));
    }

    /** A city agent (member + the city-agent role of its portal client). */
    public String cityAgentToken(String slug) {
        String username = "agent@" + slug + ".tests.selfdata.eu";
        String id = ensureMember(username, slug);
        ClientRepresentation portal = realm().clients()
                .findByClientId(CityIdentity.portalClientId(slug))
                .getFirst();
        realm().users()
                .get(id)
                .roles()
                .clientLevel(portal.getId())
                .add(List.of(realm().clients()
                        .get(portal.getId())
                        .roles()
                        .get("city-agent")
                        .toRepresentation()));
        return token(username, "openid organization:" + slug);
    }

    /**
     * A token of an existing user for this city, without making them a member: it is issued only
     * when the identity server already counts them in the city (a restored city, for instance).
     */
    public String tokenIn(String username, String slug) {
        return token(username, "openid organization:" + slug);
    }

    /** Whether the identity server still knows this user. */
    public boolean userExists(String username) {
        return !realm().users().searchByUsername(username, true).isEmpty();
    }

    public boolean organizationExists(String slug) {
        return organization(slug) != null;
    }

    public boolean portalClientExists(String slug) {
        return !realm().clients()
                .findByClientId(CityIdentity.portalClientId(slug))
                .isEmpty();
    }

    private String ensureMember(String username, String slug) {
        ensureUser(username);
        String id = userId(username);
        OrganizationRepresentation organization = organization(slug);
        if (organization == null) {
            throw new IllegalStateException("No organization " + slug + " in Keycloak: onboard the city first");
        }
        try (Response ignored =
                realm().organizations().get(organization.getId()).members().addMember(id)) {
            // 201 or 409 (already a member)
        }
        return id;
    }

    private OrganizationRepresentation organization(String slug) {
        return realm().organizations().search(slug, false, 0, 100).stream()
                .filter(organization -> slug.equals(organization.getAlias()))
                .findFirst()
                .orElse(null);
    }

    private void ensureUser(String username) {
        ensureUser(username, true);
    }

    private void ensureUser(String username, boolean emailVerified) {
        if (!realm().users().searchByUsername(username, true).isEmpty()) {
            return;
        }
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username);
        user.setEmailVerified(emailVerified);
        user.setFirstName("Test");
        user.setLastName("User");
        user.setEnabled(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        try (Response ignored = realm().users().create(user)) {
            // 201 or 409 when another test created it meanwhile
        }
    }

    private String userId(String username) {
        return realm().users().searchByUsername(username, true).getFirst().getId();
    }

    private void ensureTestClient() {
        if (!realm().clients().findByClientId(CLIENT).isEmpty()) {
            return;
        }
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(CLIENT);
        client.setPublicClient(true);
        client.setStandardFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(true);
        client.setDefaultClientScopes(List.of("basic", "profile", "email", "roles", "selfdata-api", "organization"));
        try (Response ignored = realm().clients().create(client)) {
            // 201 or 409
        }
    }

    private String token(String username, String scope) {
        String key = username + " " + scope;
        CachedToken cached = tokens.get(key);
        if (cached != null && cached.obtained().plus(REUSE).isAfter(Instant.now())) {
            return cached.token();
        }
        String form = "grant_type=password&client_id=" + CLIENT + "&username=" + encode(username) + "&password="
                + encode(PASSWORD) + "&scope=" + encode(scope);
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(server.issuer() + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Token for " + username + " refused: " + response.body());
            }
            String token = JSON.readTree(response.body()).path("access_token").asString();
            tokens.put(key, new CachedToken(token, Instant.now()));
            return token;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record CachedToken(String token, Instant obtained) {}
}
