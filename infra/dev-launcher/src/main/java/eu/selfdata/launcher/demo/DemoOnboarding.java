package eu.selfdata.launcher.demo;

import eu.selfdata.keycloak.KeycloakServer;
import eu.selfdata.launcher.identity.AdminApi;
import eu.selfdata.launcher.identity.DemoAccount;
import eu.selfdata.launcher.identity.DemoUsers;
import eu.selfdata.launcher.identity.DevCoordinator;
import eu.selfdata.launcher.identity.PasswordStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Onboards the demo cities unless an earlier run did, waits until their portals answer, then makes sure
 * each has a first admin with a known (temporary) password and a citizen.
 */
public final class DemoOnboarding {

    private static final Duration ACTIVE_TIMEOUT = Duration.ofSeconds(60);
    // the gateway refreshes its city directory every 5 s
    private static final Duration SERVED_TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http;
    private final URI gateway;
    private final DevCoordinator identity;
    private final KeycloakServer keycloak;
    private final PasswordStore passwords;

    public DemoOnboarding(
            HttpClient http, URI gateway, DevCoordinator identity, KeycloakServer keycloak, PasswordStore passwords) {
        this.http = http;
        this.gateway = gateway;
        this.identity = identity;
        this.keycloak = keycloak;
        this.passwords = passwords;
    }

    /** @return the admin and the citizen of each city, in the order of the cities */
    public List<DemoAccount> onboard(List<DemoCity> cities) throws InterruptedException {
        if (cities.isEmpty()) {
            return List.of();
        }
        // one token is enough: it lives 5 minutes, onboarding waits at most 80 s a city
        CoordinatorClient coordinator = new CoordinatorClient(http, gateway, identity.accessToken());
        for (DemoCity city : cities) {
            boolean started = coordinator.onboard(city);
            System.out.println(city.displayName() + (started ? ": onboarding" : ": already onboarded"));
        }
        for (DemoCity city : cities) {
            coordinator.awaitActive(city.slug(), ACTIVE_TIMEOUT);
            coordinator.awaitServed(city, SERVED_TIMEOUT);
            System.out.println(city.displayName() + ": ACTIVE on " + coordinator.cityHost(city));
        }
        // the master realm's admin token lives 60 s: taken after the waits
        AdminApi admin = new AdminApi(http, keycloak);
        List<DemoAccount> accounts = new ArrayList<>();
        for (DemoCity city : cities) {
            String portal = "http://" + coordinator.cityHost(city) + "/";
            firstAdmin(admin, coordinator, city, portal).ifPresent(accounts::add);
            accounts.add(DemoUsers.ensureCitizen(admin, passwords, city.slug(), city.citizenEmail(), portal));
        }
        return accounts;
    }

    /**
     * The real flow: the coordinator issues a temporary password, changed at first sign-in. A new one
     * only when none is stored (or Keycloak lost it); once the admin has changed it, the launcher no longer knows it.
     */
    private Optional<DemoAccount> firstAdmin(
            AdminApi admin, CoordinatorClient coordinator, DemoCity city, String portal) throws InterruptedException {
        String login = city.adminEmail();
        Optional<JsonNode> user = admin.user(login);
        if (user.isEmpty()) {
            // onboarded by a launcher that named no admin: only a fresh dev-data has one
            System.out.println(
                    city.displayName() + ": no first admin (onboarded without one; delete dev-data/ to get one)");
            return Optional.empty();
        }
        boolean mustChangePassword = false;
        for (JsonNode action : user.get().path("requiredActions")) {
            mustChangePassword |= action.asString().equals("UPDATE_PASSWORD");
        }
        if (!mustChangePassword) {
            return Optional.of(new DemoAccount(
                    DemoAccount.Kind.CITY_ADMIN, Optional.of(city.slug()), login, Optional.empty(), false, portal));
        }
        Optional<String> stored = passwords.get(login);
        if (stored.isEmpty() || !admin.hasPassword(user.get().path("id").asString())) {
            stored = Optional.of(coordinator.issueAdminPassword(city.slug()));
            passwords.put(login, stored.get());
        }
        return Optional.of(
                new DemoAccount(DemoAccount.Kind.CITY_ADMIN, Optional.of(city.slug()), login, stored, true, portal));
    }
}
