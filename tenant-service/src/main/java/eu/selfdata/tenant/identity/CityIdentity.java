package eu.selfdata.tenant.identity;

import eu.selfdata.tenant.registry.Tenant;
import eu.selfdata.usecase.api.CityStaff;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A city in the identity server: its Organization (alias = slug) and its portal client
 * ({@code portal-{slug}}, public, PKCE, the city's login branding, city roles as client roles so that
 * being admin of one city never makes anyone admin of another). Every operation is idempotent.
 */
@Component
@ConditionalOnProperty("selfdata.keycloak.url")
public class CityIdentity {

    static final List<String> CITY_ROLES = List.of(CityStaff.ADMIN, CityStaff.AGENT);
    static final int INVITATION_DAYS = 7;
    static final String REGISTRATIONS_ATTRIBUTE = "selfdata.registrationsPerHour";
    private static final Logger log = LoggerFactory.getLogger(CityIdentity.class);

    private final Keycloak keycloak;
    private final KeycloakProperties properties;
    private final PublicUrls urls;

    CityIdentity(Keycloak keycloak, KeycloakProperties properties, PublicUrls urls) {
        this.keycloak = keycloak;
        this.properties = properties;
        this.urls = urls;
    }

    public static String portalClientId(String slug) {
        return "portal-" + slug;
    }

    void ensureOrganization(Tenant tenant) {
        if (organization(tenant.slug()).isPresent()) {
            return;
        }
        OrganizationRepresentation organization = new OrganizationRepresentation();
        organization.setName(tenant.displayName() + " (" + tenant.slug() + ")");
        organization.setAlias(tenant.slug());
        organization.setEnabled(true);
        tenant.customDomains().forEach(domain -> organization.addDomain(new OrganizationDomainRepresentation(domain)));
        try (Response response = realm().organizations().create(organization)) {
            expectCreated(response, "organization " + tenant.slug());
        }
    }

    void ensurePortalClient(Tenant tenant) {
        String clientId = portalClientId(tenant.slug());
        if (realm().clients().findByClientId(clientId).isEmpty()) {
            try (Response response = realm().clients().create(portalClient(tenant))) {
                expectCreated(response, "client " + clientId);
            }
        }
        String id = realm().clients().findByClientId(clientId).getFirst().getId();
        List<String> existing = realm().clients().get(id).roles().list().stream()
                .map(RoleRepresentation::getName)
                .toList();
        for (String role : CITY_ROLES) {
            if (!existing.contains(role)) {
                realm().clients()
                        .get(id)
                        .roles()
                        .create(new RoleRepresentation(role, "City role for " + tenant.displayName(), false));
            }
        }
    }

    /**
     * The city's first administrator, invited by mail to choose a password ({@link #inviteFirstAdmin}) when the
     * account is new; the coordinator may also issue a temporary password, the fallback when mail does not work.
     */
    void ensureFirstAdmin(Tenant tenant) {
        if (tenant.adminEmail() == null) {
            return;
        }
        Optional<UserRepresentation> existing = userByEmail(tenant.adminEmail());
        UserRepresentation admin = existing.orElseGet(() -> createUser(tenant.adminEmail()));
        OrganizationRepresentation organization = organization(tenant.slug()).orElseThrow();
        try (Response ignored =
                realm().organizations().get(organization.getId()).members().addMember(admin.getId())) {
            // 201, or 409 when a replay finds the membership already there
        }
        ClientRepresentation portal =
                realm().clients().findByClientId(portalClientId(tenant.slug())).getFirst();
        RoleRepresentation cityAdmin = realm().clients()
                .get(portal.getId())
                .roles()
                .get(CityStaff.ADMIN)
                .toRepresentation();
        realm().users().get(admin.getId()).roles().clientLevel(portal.getId()).add(List.of(cityAdmin));
        if (existing.isEmpty()) {
            try {
                inviteFirstAdmin(tenant);
            } catch (WebApplicationException e) {
                // the account stands; the coordinator resends the invitation or issues a temporary password
                log.warn("Invitation mail to the first admin of {} not sent: {}", tenant.slug(), e.getMessage());
            }
        }
    }

    /**
     * Mails the city's first admin a link, valid {@value #INVITATION_DAYS} days, to choose a password (the city's
     * branded "set up your account" mail, sent by the identity server) and return to the city's admin console.
     *
     * @throws WebApplicationException when the identity server could not send it (e.g. no mail server)
     */
    public void inviteFirstAdmin(Tenant tenant) {
        UserRepresentation admin = firstAdmin(tenant);
        realm().users()
                .get(admin.getId())
                .executeActionsEmail(
                        portalClientId(tenant.slug()),
                        urls.originsOf(tenant).getFirst() + "/admin",
                        (int) java.time.Duration.ofDays(INVITATION_DAYS).toSeconds(),
                        List.of("UPDATE_PASSWORD"));
    }

    /**
     * Asks the identity server to mail a citizen the link that verifies their address, in their city's name; the
     * link comes back to the city's profile page.
     */
    public void requestEmailVerification(Tenant tenant, String subject) {
        realm().users()
                .get(subject)
                .sendVerifyEmail(
                        portalClientId(tenant.slug()), urls.originsOf(tenant).getFirst() + "/my/profile");
    }

    /**
     * How many registrations one address may send per hour on the city's portal: the portal client's attribute
     * {@value #REGISTRATIONS_ATTRIBUTE}, which the identity server's registration form enforces (keycloak-extensions).
     */
    public void setRegistrationLimit(String slug, int perHour) {
        realm().clients().findByClientId(portalClientId(slug)).forEach(client -> {
            client.getAttributes().put(REGISTRATIONS_ATTRIBUTE, String.valueOf(perHour));
            realm().clients().get(client.getId()).update(client);
        });
    }

    /** The e-mail address the identity server holds for this user (the token's subject), if any. */
    public Optional<String> emailOf(String subject) {
        try {
            return Optional.ofNullable(
                    realm().users().get(subject).toRepresentation().getEmail());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** A fresh temporary password for the city's first admin, shown once and never stored here. */
    public AdminCredentials issueTemporaryPassword(Tenant tenant) {
        UserRepresentation admin = firstAdmin(tenant);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setTemporary(true);
        password.setValue(TemporaryPasswords.generate());
        realm().users().get(admin.getId()).resetPassword(password);
        return new AdminCredentials(
                admin.getUsername(), password.getValue(), urls.originsOf(tenant).getFirst() + "/");
    }

    private UserRepresentation firstAdmin(Tenant tenant) {
        if (tenant.adminEmail() == null) {
            throw new IllegalStateException("City '" + tenant.slug() + "' has no first administrator");
        }
        return userByEmail(tenant.adminEmail())
                .orElseThrow(() -> new IllegalStateException(
                        "The first administrator of '" + tenant.slug() + "' is not in the identity server yet"));
    }

    /** Members of the city who belong to no other city leave with it. */
    void removeCityOnlyMembers(String slug) {
        organization(slug).ifPresent(organization -> {
            for (MemberRepresentation member :
                    realm().organizations().get(organization.getId()).members().getAll()) {
                List<OrganizationRepresentation> cities =
                        realm().organizations().members().getOrganizations(member.getId(), true);
                if (cities.stream().allMatch(city -> slug.equals(city.getAlias()))) {
                    try (Response ignored = realm().users().delete(member.getId())) {
                        // 204, or 404 if already gone
                    }
                }
            }
        });
    }

    /**
     * A citizen who erased their account leaves the city's organization; a person who belongs to no
     * other city and coordinates nothing is removed from the identity server altogether.
     */
    public void removeCitizen(String slug, String userId) {
        Optional<OrganizationRepresentation> city = organization(slug);
        if (city.isEmpty()) {
            return;
        }
        List<OrganizationRepresentation> cities;
        try {
            cities = realm().organizations().members().getOrganizations(userId, true);
        } catch (NotFoundException e) {
            return; // the person is already gone from the identity server
        }
        boolean elsewhere = cities.stream().anyMatch(other -> !slug.equals(other.getAlias()));
        boolean coordinator = !elsewhere
                && realm().users().get(userId).roles().realmLevel().listEffective().stream()
                        .anyMatch(role -> "platform-coordinator".equals(role.getName()));
        if (elsewhere || coordinator) {
            try (Response ignored = realm().organizations()
                    .get(city.get().getId())
                    .members()
                    .member(userId)
                    .delete()) {
                // 204, or 404 when not a member any more
            }
        } else {
            try (Response ignored = realm().users().delete(userId)) {
                // 204, or 404 if already gone
            }
        }
    }

    /**
     * A person of a restored city joins its organization again, so they sign in on its host.
     *
     * @return false when the identity server does not know them (an archive from another platform)
     */
    public boolean addMember(String slug, String userId) {
        OrganizationRepresentation city = organization(slug)
                .orElseThrow(() -> new IllegalStateException("City '" + slug + "' has no organization"));
        try {
            realm().users().get(userId).toRepresentation();
        } catch (NotFoundException e) {
            return false;
        }
        try (Response added =
                realm().organizations().get(city.getId()).members().addMember(userId)) {
            // 201, or 409 when already a member
            return added.getStatus() == 201 || added.getStatus() == 409;
        }
    }

    void removeOrganization(String slug) {
        organization(slug).ifPresent(organization -> {
            try (Response ignored =
                    realm().organizations().get(organization.getId()).delete()) {
                // 204 or 404 both mean it is gone
            }
        });
    }

    void removePortalClient(String slug) {
        realm().clients()
                .findByClientId(portalClientId(slug))
                .forEach(client -> realm().clients().get(client.getId()).remove());
    }

    Optional<OrganizationRepresentation> organization(String slug) {
        // An exact search matches names, not aliases: search loosely, then keep the alias.
        return realm().organizations().search(slug, false, 0, 100).stream()
                .filter(organization -> slug.equals(organization.getAlias()))
                .findFirst();
    }

    private Optional<UserRepresentation> userByEmail(String email) {
        return realm().users().searchByEmail(email, true).stream().findFirst();
    }

    private UserRepresentation createUser(String email) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setEnabled(true);
        user.setRequiredActions(List.of("UPDATE_PASSWORD"));
        try (Response response = realm().users().create(user)) {
            expectCreated(response, "user " + email);
        }
        return userByEmail(email).orElseThrow();
    }

    RealmResource realm() {
        return keycloak.realm(properties.realm());
    }

    private ClientRepresentation portalClient(Tenant tenant) {
        List<String> origins = urls.originsOf(tenant);
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(portalClientId(tenant.slug()));
        client.setName(tenant.displayName());
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setRedirectUris(origins.stream().map(origin -> origin + "/*").toList());
        client.setWebOrigins(origins);
        client.setBaseUrl(origins.getFirst() + "/");
        client.setDefaultClientScopes(
                List.of("basic", "profile", "email", "roles", "web-origins", "organization", "selfdata-api"));
        Map<String, String> attributes = new HashMap<>();
        attributes.put("pkce.code.challenge.method", "S256");
        attributes.put(
                "post.logout.redirect.uris",
                String.join("##", origins.stream().map(origin -> origin + "/*").toList()));
        attributes.put("login_theme", "selfdata");
        attributes.put("selfdata.displayName", tenant.displayName());
        attributes.put("selfdata.primaryColor", tenant.branding().primaryColor());
        attributes.put("selfdata.secondaryColor", tenant.branding().secondaryColor());
        if (tenant.branding().logoUrl() != null) {
            attributes.put("selfdata.logoUrl", tenant.branding().logoUrl());
        }
        client.setAttributes(attributes);
        return client;
    }

    private static void expectCreated(Response response, String what) {
        // 409: created by an earlier run that crashed before recording it.
        if (response.getStatus() != 201 && response.getStatus() != 409) {
            throw new IllegalStateException("Identity server refused " + what + ": HTTP " + response.getStatus() + " "
                    + response.readEntity(String.class));
        }
    }
}
