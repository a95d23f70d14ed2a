package eu.selfdata.keycloak;

import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * What tenant-service's onboarding does in Keycloak for one city, through the admin API: its Organization
 * (alias = slug), its portal client {@code portal-{slug}} (public, PKCE S256, branding attributes, organization
 * and selfdata-api as default scopes, city roles as client roles) and a first city administrator.
 */
final class CityOnboarding {

    record City(String slug, String displayName, String primaryColor, String secondaryColor, String logoUrl) {

        City(String slug, String displayName, String primaryColor, String secondaryColor) {
            this(slug, displayName, primaryColor, secondaryColor, null);
        }

        String portalClientId() {
            return "portal-" + slug;
        }

        String origin() {
            return "http://" + slug + ".localhost:8080";
        }
    }

    record OnboardedCity(String organizationId, String portalClientUuid, String adminUserId) {}

    private final RealmResource realm;

    CityOnboarding(RealmResource realm) {
        this.realm = realm;
    }

    OnboardedCity onboard(City city) {
        String organizationId = createOrganization(city.slug(), city.displayName());
        String clientUuid;
        try (Response response = realm.clients().create(portalClient(city))) {
            clientUuid = CreatedResponseUtil.getCreatedId(response);
        }
        for (String role : List.of("city-admin", "city-agent")) {
            realm.clients()
                    .get(clientUuid)
                    .roles()
                    .create(new RoleRepresentation(role, "City role for " + city.displayName(), false));
        }
        String adminId = createCityAdmin(city, organizationId, clientUuid);
        return new OnboardedCity(organizationId, clientUuid, adminId);
    }

    String createOrganization(String slug, String name) {
        OrganizationRepresentation organization = new OrganizationRepresentation();
        organization.setName(name + " (" + slug + ")");
        organization.setAlias(slug);
        organization.setEnabled(true);
        try (Response response = realm.organizations().create(organization)) {
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    private String createCityAdmin(City city, String organizationId, String clientUuid) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername("admin@" + city.slug() + ".example.org");
        user.setEmail("admin@" + city.slug() + ".example.org");
        // not the city's name: Keycloak's person-name validator refuses characters such as < > & "
        user.setFirstName("Admin");
        user.setLastName("Ville");
        user.setEnabled(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue("change-me-" + city.slug() + "-2026");
        password.setTemporary(true);
        user.setCredentials(List.of(password));
        String userId;
        try (Response response = realm.users().create(user)) {
            userId = CreatedResponseUtil.getCreatedId(response);
        }
        try (Response ignored =
                realm.organizations().get(organizationId).members().addMember(userId)) {
            // 201
        }
        RoleRepresentation cityAdmin =
                realm.clients().get(clientUuid).roles().get("city-admin").toRepresentation();
        realm.users().get(userId).roles().clientLevel(clientUuid).add(List.of(cityAdmin));
        realm.users()
                .get(userId)
                .roles()
                .realmLevel()
                .add(List.of(realm.roles().get("city-admin").toRepresentation()));
        return userId;
    }

    private static ClientRepresentation portalClient(City city) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(city.portalClientId());
        client.setName(city.displayName());
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setRedirectUris(List.of(city.origin() + "/*"));
        client.setWebOrigins(List.of(city.origin()));
        client.setBaseUrl(city.origin() + "/");
        client.setDefaultClientScopes(
                List.of("basic", "profile", "email", "roles", "web-origins", "acr", "organization", "selfdata-api"));
        client.setOptionalClientScopes(List.of("offline_access"));
        Map<String, String> attributes = new HashMap<>(Map.of(
                "pkce.code.challenge.method",
                "S256",
                "post.logout.redirect.uris",
                city.origin() + "/*",
                "login_theme",
                "selfdata",
                "selfdata.displayName",
                city.displayName(),
                "selfdata.primaryColor",
                city.primaryColor(),
                "selfdata.secondaryColor",
                city.secondaryColor()));
        if (city.logoUrl() != null) {
            attributes.put("selfdata.logoUrl", city.logoUrl());
        }
        client.setAttributes(attributes);
        return client;
    }
}
