package eu.selfdata.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.selfdata.keycloak.CityOnboarding.City;
import eu.selfdata.mailbox.Mail;
import eu.selfdata.mailbox.Mailbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The real Keycloak 26.5 server as the platform uses it: the imported realm, a city onboarded through the admin
 * API, a citizen self-registering on that city's branded login page and the token the portal gets.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakServerIT {

    private static final City LA_ROCHELLE =
            new City("larochelle", "La Rochelle", "#0b6e99", "#f2a900", "https://larochelle.example.org/logo.svg");
    private static final City LYON = new City("lyon", "Lyon", "#c8102e", "#1d1d1b");

    private static KeycloakServer keycloak;
    private static Mailbox mailbox;
    private static Keycloak admin;
    private static RealmResource realm;
    private static CityOnboarding onboarding;

    @BeforeAll
    static void startKeycloak() {
        long started = System.nanoTime();
        keycloak = KeycloakServer.start(KeycloakServer.Settings.forTests(Path.of("target", "keycloak-it")));
        System.out.printf("[timing] Keycloak start (fresh data, realm import): %d ms%n", millisSince(started));
        mailbox = Mailbox.start(0, 0);
        keycloak.useMailServer(new KeycloakServer.MailServer(
                mailbox.smtpHost(), mailbox.smtpPort(), "no-reply@selfdata.localhost", "Self Data Territorial"));
        admin = KeycloakBuilder.builder()
                .serverUrl(keycloak.baseUrl().toString())
                .realm("master")
                .clientId("admin-cli")
                .grantType(OAuth2Constants.PASSWORD)
                .username(keycloak.settings().adminUsername())
                .password(keycloak.settings().adminPassword())
                .build();
        realm = admin.realm(KeycloakServer.REALM);
        onboarding = new CityOnboarding(realm);
        onboarding.onboard(LA_ROCHELLE);
        onboarding.onboard(LYON);
    }

    @AfterAll
    static void stopKeycloak() {
        if (admin != null) {
            admin.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (mailbox != null) {
            mailbox.close();
        }
    }

    @Test
    @Order(1)
    void realmIsImportedWithOrganizationsTheFourRolesAndCitizenByDefault() {
        RealmRepresentation representation = realm.toRepresentation();

        assertThat(representation.isOrganizationsEnabled()).isTrue();
        assertThat(representation.isRegistrationAllowed()).isTrue();
        assertThat(representation.isBruteForceProtected()).isTrue();
        assertThat(representation.getAccessTokenLifespan()).isEqualTo(300);
        assertThat(representation.getEventsListeners()).contains("selfdata-city-membership");
        assertThat(realm.roles().list())
                .extracting(RoleRepresentation::getName)
                .contains("citizen", "city-admin", "city-agent", "platform-coordinator");
        assertThat(realm.roles().get("default-roles-selfdata").getRoleComposites())
                .extracting(RoleRepresentation::getName)
                .contains("citizen");
        assertThat(realm.clientScopes().findAll())
                .extracting(scope -> scope.getName())
                .contains("organization", "selfdata-api", "roles", "profile", "email", "basic");
        assertThat(realm.clients().findByClientId("platform-console"))
                .singleElement()
                .satisfies(client ->
                        assertThat(client.getAttributes()).containsEntry("pkce.code.challenge.method", "S256"));
    }

    @Test
    @Order(2)
    void citizenWhoRegistersOnLaRochellePortalJoinsLaRochelleAndHerTokenSaysSo() {
        String email = "camille.martin+" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        CitizenBrowser browser = portal(LA_ROCHELLE, "openid organization:larochelle");

        long started = System.nanoTime();
        JsonNode tokens = browser.register(email, "Tr4ces-de-Mobilite!", "Camille", "Martin");
        System.out.printf(
                "[timing] self-registration through the HTML form + code exchange: %d ms%n", millisSince(started));

        JsonNode accessToken = CitizenBrowser.payload(tokens.get("access_token").asText());
        System.out.println("[token] access token payload: " + accessToken.toPrettyString());
        System.out.println("[token] id token payload: "
                + CitizenBrowser.payload(tokens.get("id_token").asText()).toPrettyString());
        assertThat(accessToken.get("iss").asText()).isEqualTo(keycloak.issuer());
        assertThat(accessToken.get("azp").asText()).isEqualTo("portal-larochelle");
        assertThat(texts(accessToken.get("organization"))).containsExactly("larochelle");
        assertThat(texts(accessToken.at("/realm_access/roles"))).contains("citizen");
        assertThat(texts(accessToken.get("aud"))).contains("selfdata-api");
        assertThat(accessToken.get("email").asText()).isEqualTo(email);

        UserRepresentation citizen = realm.users().searchByEmail(email, true).getFirst();
        assertThat(realm.organizations().members().getOrganizations(citizen.getId(), true))
                .extracting(OrganizationRepresentation::getAlias)
                .containsExactly("larochelle");
    }

    @Test
    @Order(3)
    void citizenWhoRegistersOnLyonPortalJoinsLyonOnlyAndGetsNoLyonClaimOnLaRochellePortal() {
        String email = "dominique.bernard+" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        // plain "openid": the organization claim comes from the client's default scope
        JsonNode tokens = portal(LYON, "openid").register(email, "Ecolyo-Eau-2026!", "Dominique", "Bernard");

        assertThat(texts(CitizenBrowser.payload(tokens.get("access_token").asText())
                        .get("organization")))
                .containsExactly("lyon");
        UserRepresentation citizen = realm.users().searchByEmail(email, true).getFirst();
        assertThat(realm.organizations().members().getOrganizations(citizen.getId(), true))
                .extracting(OrganizationRepresentation::getAlias)
                .containsExactly("lyon");

        JsonNode elsewhere = CitizenBrowser.payload(portal(LA_ROCHELLE, "openid organization:larochelle")
                .login(email, "Ecolyo-Eau-2026!")
                .get("access_token")
                .asText());
        assertThat(elsewhere.get("azp").asText()).isEqualTo("portal-larochelle");
        assertThat(elsewhere.has("organization"))
                .as("a Lyon citizen's token on La Rochelle's portal names no city")
                .isFalse();
    }

    @Test
    @Order(4)
    void loginPageOfEachPortalIsInItsCityColours() {
        Document laRochelle = portal(LA_ROCHELLE, "openid").openLoginPage();
        Document lyon = portal(LYON, "openid").openLoginPage();

        assertThat(laRochelle.selectFirst("style#selfdata-city-colours").data())
                .contains("--selfdata-primary: #0b6e99")
                .contains("--selfdata-secondary: #f2a900");
        assertThat(laRochelle.selectFirst(".selfdata-city__name").text()).isEqualTo("La Rochelle");
        assertThat(laRochelle.selectFirst("img.selfdata-city__logo").attr("src"))
                .isEqualTo("https://larochelle.example.org/logo.svg");
        assertThat(laRochelle.selectFirst("img.selfdata-city__logo").attr("alt"))
                .isEqualTo("Logo de La Rochelle");
        assertThat(laRochelle.title()).contains("La Rochelle");
        assertThat(laRochelle.select("link[href$=css/selfdata.css]")).hasSize(1);
        assertThat(laRochelle.select("label[for=username]"))
                .as("the email field has a label")
                .hasSize(1);
        assertThat(lyon.selectFirst("style#selfdata-city-colours").data())
                .contains("--selfdata-primary: #c8102e")
                .doesNotContain("#0b6e99");
    }

    @Test
    @Order(5)
    void brandingThatIsNotAColourOrAUrlNeverReachesThePage() {
        City tampered =
                new City("tampered", "Tampered <b>town</b>", "#fff;} body {display:none", "red", "javascript:alert(1)");
        onboarding.onboard(tampered);

        Document page = portal(tampered, "openid").openLoginPage();

        assertThat(page.selectFirst("style#selfdata-city-colours").data())
                .contains("--selfdata-primary: #1f4e79")
                .contains("--selfdata-secondary: #2e7d32")
                .doesNotContain("display:none");
        assertThat(page.select("img.selfdata-city__logo")).isEmpty();
        assertThat(page.selectFirst(".selfdata-city__name").text()).isEqualTo("Tampered <b>town</b>");
        assertThat(page.select(".selfdata-city__name b")).isEmpty();
    }

    @Test
    @Order(6)
    void tenantServiceClientCanOnboardACityWithItsOwnCredentials() {
        KeycloakServer.ClientCredentials credentials = keycloak.tenantServiceClient();
        try (Keycloak tenantService = KeycloakBuilder.builder()
                .serverUrl(keycloak.baseUrl().toString())
                .realm(KeycloakServer.REALM)
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(credentials.clientId())
                .clientSecret(credentials.secret())
                .build()) {
            new CityOnboarding(tenantService.realm(KeycloakServer.REALM))
                    .onboard(new City("lahti", "Lahti", "#00529b", "#ffd100"));
        }
        // exact search compares the name ("Lahti (lahti)") or a domain, not the alias
        assertThat(realm.organizations().search("lahti", true, 0, 10)).isEmpty();
        assertThat(realm.organizations().search("lahti", false, 0, 10))
                .extracting(OrganizationRepresentation::getAlias)
                .containsExactly("lahti");
    }

    @Test
    @Order(7)
    void onboardingACityStaysFastWithThreeHundredCitiesInTheRealm() {
        long organizationsBefore = realm.organizations().count("");
        List<Long> before = onboardCities("before", 3);
        long started = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            onboarding.createOrganization(String.format("bulk-%03d", i), "Bulk city " + i);
        }
        long bulk = millisSince(started);
        List<Long> after = onboardCities("after", 3);

        System.out.printf(
                "[timing] org + portal client + 2 client roles + city admin (member, roles), per city, %d orgs in realm: %s ms%n",
                organizationsBefore, before);
        System.out.printf("[timing] 300 organizations created one by one: %d ms%n", bulk);
        System.out.printf(
                "[timing] same, %d orgs in realm: %s ms%n",
                realm.organizations().count(""), after);
        assertThat(realm.organizations().count("")).isGreaterThanOrEqualTo(306);
        assertThat(after)
                .allSatisfy(
                        ms -> assertThat(ms).isLessThan(Duration.ofSeconds(10).toMillis()));
    }

    @Test
    @Order(8)
    void aCitizenWhoForgotHerPasswordGetsAMailInHerCitysNameAndColoursAndChoosesANewOne() {
        String email = "lou.reset+" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        portal(LA_ROCHELLE, "openid").register(email, "Premier-mot-de-passe-1", "Lou", "Reset");

        JsonNode tokens = portal(LA_ROCHELLE, "openid organization:larochelle")
                .resetPassword(
                        email,
                        "Nouveau-mot-de-passe-2",
                        () -> mailbox.await(
                                        email, mail -> mail.subject().contains("mot de passe"), Duration.ofSeconds(20))
                                .link("action-token")
                                .orElseThrow());

        Mail mail = mailbox.mailsTo(email).getFirst();
        assertThat(mail.subject()).isEqualTo("La Rochelle : réinitialisez votre mot de passe");
        assertThat(mail.html())
                .contains("border-top:6px solid #0b6e99")
                .contains("https://larochelle.example.org/logo.svg")
                .contains("votre compte La Rochelle");
        assertThat(mail.text()).contains("votre compte La Rochelle");
        assertThat(CitizenBrowser.payload(tokens.get("access_token").asText())
                        .get("email")
                        .asText())
                .isEqualTo(email);
        assertThat(portal(LA_ROCHELLE, "openid")
                        .login(email, "Nouveau-mot-de-passe-2")
                        .has("access_token"))
                .isTrue();
    }

    @Test
    @Order(9)
    void aVerificationMailAskedForLyonsPortalIsInLyonsNameAndItsLinkVerifiesTheAddress() {
        String email = "sam.verif+" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        portal(LYON, "openid").register(email, "Ecolyo-Eau-2026!", "Sam", "Verif");
        UserRepresentation citizen = realm.users().searchByEmail(email, true).getFirst();
        assertThat(citizen.isEmailVerified()).as("registration does not verify").isFalse();

        realm.users().get(citizen.getId()).sendVerifyEmail(LYON.portalClientId(), LYON.origin() + "/my/profile");

        Mail mail = mailbox.await(email, any -> true, Duration.ofSeconds(20));
        assertThat(mail.subject()).isEqualTo("Lyon : confirmez votre adresse e-mail");
        assertThat(mail.html()).contains("#c8102e").doesNotContain("#0b6e99");
        CitizenBrowser browser = portal(LYON, "openid");
        Document confirm = browser.follow(mail.link("action-token").orElseThrow());
        assertThat(confirm.text()).contains(email).contains("Lyon");
        Document verified =
                browser.follow(confirm.selectFirst("a[href*=action-token]").absUrl("href"));
        assertThat(verified.text()).contains("Votre compte a été mis à jour");
        assertThat(realm.users().get(citizen.getId()).toRepresentation().isEmailVerified())
                .isTrue();
    }

    @Test
    @Order(10)
    void mailForNoCityWearsThePlatformsName() {
        UserRepresentation user = new UserRepresentation();
        String email = "no.city+" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        user.setUsername(email);
        user.setEmail(email);
        user.setEnabled(true);
        String id;
        try (jakarta.ws.rs.core.Response response = realm.users().create(user)) {
            id = org.keycloak.admin.client.CreatedResponseUtil.getCreatedId(response);
        }
        realm.users().get(id).executeActionsEmail(List.of("UPDATE_PASSWORD"));

        Mail mail = mailbox.await(email, any -> true, Duration.ofSeconds(20));
        assertThat(mail.subject()).isEqualTo("Self Data Territorial : activez votre compte");
        assertThat(mail.html()).contains("#1f4e79");
    }

    private static CitizenBrowser portal(City city, String scope) {
        return new CitizenBrowser(keycloak, city.portalClientId(), city.origin() + "/callback", scope);
    }

    private static List<Long> onboardCities(String prefix, int count) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            onboarding.onboard(new City(prefix + "-city-" + i, "City " + prefix + " " + i, "#123456", "#654321"));
            millis.add(millisSince(started));
        }
        return millis;
    }

    private static List<String> texts(JsonNode node) {
        assertThat(node).as("claim").isNotNull();
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        if (node.isObject()) {
            // organization claim with ids/attributes: a map keyed by alias
            return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false)
                    .toList();
        }
        return StreamSupport.stream(node.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
