package eu.selfdata.launcher.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The people of the dev run, created through the admin API unless an earlier run did: the platform
 * coordinator (realm role, member of no city) and a citizen per demo city (member of that city only).
 * Passwords come from the {@link PasswordStore}; a password is set only when it is new or the user has none.
 */
public final class DemoUsers {

    public static final String DOMAIN = "demo.selfdata.eu";
    public static final String COORDINATOR_LOGIN = "coordination@" + DOMAIN;

    private DemoUsers() {}

    /** Signs in on the platform host through {@code platform-console}. */
    public static DemoAccount ensureCoordinator(AdminApi admin, PasswordStore passwords, String signInUrl)
            throws InterruptedException {
        return ensureCoordinator(admin, passwords, COORDINATOR_LOGIN, signInUrl);
    }

    /** A platform coordinator under another login (tests sharing a realm each want their own). */
    public static DemoAccount ensureCoordinator(AdminApi admin, PasswordStore passwords, String login, String signInUrl)
            throws InterruptedException {
        String id = ensureUser(admin, passwords, login, "Claude", "Coordination");
        admin.post("/users/" + id + "/role-mappings/realm", new Object[] {admin.get("/roles/" + DevCoordinator.ROLE)});
        return new DemoAccount(
                DemoAccount.Kind.COORDINATOR, Optional.empty(), login, passwords.get(login), false, signInUrl);
    }

    /** A citizen of the city, as if she had registered on its portal. The city's Organization must exist. */
    public static DemoAccount ensureCitizen(
            AdminApi admin, PasswordStore passwords, String slug, String login, String portalUrl)
            throws InterruptedException {
        String id = ensureUser(admin, passwords, login, "Camille", "Martin");
        String organization = admin.organizationId(slug)
                .orElseThrow(() ->
                        new IllegalStateException("No Organization with alias " + slug + " in Keycloak, though the"
                                + " registry has the city: Keycloak's data is not the one the database was onboarded with"
                                + " (delete dev-data/ to start afresh)"));
        admin.addMember(organization, id);
        return new DemoAccount(
                DemoAccount.Kind.CITIZEN, Optional.of(slug), login, passwords.get(login), false, portalUrl);
    }

    /** @return the user's id */
    private static String ensureUser(
            AdminApi admin, PasswordStore passwords, String login, String firstName, String lastName)
            throws InterruptedException {
        Optional<JsonNode> existing = admin.user(login);
        if (existing.isEmpty()) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("username", login);
            user.put("email", login);
            user.put("firstName", firstName);
            user.put("lastName", lastName);
            user.put("emailVerified", true);
            user.put("enabled", true);
            admin.post("/users", user);
        }
        String id = admin.user(login).orElseThrow().path("id").asString();
        Optional<String> stored = passwords.get(login);
        if (stored.isEmpty() || existing.isEmpty() || !admin.hasPassword(id)) {
            String password = stored.orElseGet(PasswordStore::generate);
            admin.setPassword(id, password);
            passwords.put(login, password);
        }
        return id;
    }
}
