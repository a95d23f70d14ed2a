package eu.selfdata.tenant.identity;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A city's external OpenID Connect identity providers (FranceConnect, or any provider shaped like it) in the
 * identity server: type {@code selfdata-oidc} (keycloak-extensions' {@code CityIdentityProvider}, which serves this
 * city's portal only and refuses an {@code acr} below the city's level), alias {@code {slug}.{name}} (a dot never
 * appears in a slug, so two cities' aliases never meet), linked to the city's Organization so that a person who
 * signs in through it joins the city like a registered citizen. Addresses are trusted as the provider's
 * ({@code trustEmail}: FranceConnect's come from the State's identity providers). Only given_name, family_name and
 * email are kept: the birthdate FranceConnect also sends is asked for (its scope set) and never stored.
 */
@Component
@ConditionalOnProperty("selfdata.keycloak.url")
public class ExternalSignIn {

    static final String PROVIDER_TYPE = "selfdata-oidc";
    static final String DEFAULT_SCOPES = "openid given_name family_name birthdate email";

    private final Keycloak keycloak;
    private final KeycloakProperties properties;
    private final CityIdentity cities;

    ExternalSignIn(Keycloak keycloak, KeycloakProperties properties, CityIdentity cities) {
        this.keycloak = keycloak;
        this.properties = properties;
        this.cities = cities;
    }

    /** A provider as the coordinator configures it (the client secret is written, never read back). */
    public record Provider(
            String name,
            String displayName,
            URI issuer,
            URI authorizationUrl,
            URI tokenUrl,
            URI jwksUrl,
            URI userInfoUrl,
            String clientId,
            String clientSecret,
            String minimumAcr,
            String scopes) {}

    /** What the coordinator sees of a provider. */
    public record ProviderView(
            String name,
            String alias,
            String displayName,
            String issuer,
            String clientId,
            String minimumAcr,
            boolean enabled) {}

    static String alias(String slug, String name) {
        return slug + "." + name;
    }

    /** Creates or replaces the provider, then links it to the city's Organization. */
    public ProviderView save(String slug, Provider provider) {
        String alias = alias(slug, provider.name());
        IdentityProviderRepresentation representation = new IdentityProviderRepresentation();
        representation.setAlias(alias);
        representation.setDisplayName(provider.displayName());
        representation.setProviderId(PROVIDER_TYPE);
        representation.setEnabled(true);
        representation.setTrustEmail(true);
        representation.setFirstBrokerLoginFlowAlias("first broker login");
        Map<String, String> config = new HashMap<>();
        config.put("issuer", provider.issuer().toString());
        config.put("authorizationUrl", provider.authorizationUrl().toString());
        config.put("tokenUrl", provider.tokenUrl().toString());
        config.put("jwksUrl", provider.jwksUrl().toString());
        config.put("useJwksUrl", "true");
        config.put("validateSignature", "true");
        if (provider.userInfoUrl() != null) {
            config.put("userInfoUrl", provider.userInfoUrl().toString());
        } else {
            config.put("disableUserInfo", "true");
        }
        config.put("clientId", provider.clientId());
        config.put("clientSecret", provider.clientSecret());
        config.put("clientAuthMethod", "client_secret_post");
        config.put("defaultScope", provider.scopes() == null ? DEFAULT_SCOPES : provider.scopes());
        config.put("syncMode", "IMPORT");
        config.put("selfdata.city", slug);
        config.put("selfdata.minimumAcr", provider.minimumAcr());
        representation.setConfig(config);
        var providers = keycloak.realm(properties.realm()).identityProviders();
        if (find(alias).isPresent()) {
            providers.get(alias).update(representation);
        } else {
            try (Response response = providers.create(representation)) {
                if (response.getStatus() != 201 && response.getStatus() != 409) {
                    throw new IllegalStateException("Identity server refused provider " + alias + ": HTTP "
                            + response.getStatus() + " " + response.readEntity(String.class));
                }
            }
        }
        String organization = cities.organization(slug)
                .orElseThrow(() -> new IllegalStateException("City " + slug + " has no organization"))
                .getId();
        try (Response ignored = keycloak.realm(properties.realm())
                .organizations()
                .get(organization)
                .identityProviders()
                .addIdentityProvider(alias)) {
            // 204, or 409 when already linked
        }
        return view(slug, find(alias).orElseThrow());
    }

    public List<ProviderView> list(String slug) {
        return keycloak.realm(properties.realm()).identityProviders().findAll().stream()
                .filter(provider -> provider.getAlias().startsWith(slug + "."))
                .map(provider -> view(slug, provider))
                .toList();
    }

    /** @return false when the city has no such provider */
    public boolean remove(String slug, String name) {
        String alias = alias(slug, name);
        if (find(alias).isEmpty()) {
            return false;
        }
        keycloak.realm(properties.realm()).identityProviders().get(alias).remove();
        return true;
    }

    /** Every provider of the city goes with it (offboarding). */
    void removeAll(String slug) {
        list(slug).forEach(provider -> remove(slug, provider.name()));
    }

    private Optional<IdentityProviderRepresentation> find(String alias) {
        try {
            return Optional.of(keycloak.realm(properties.realm())
                    .identityProviders()
                    .get(alias)
                    .toRepresentation());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static ProviderView view(String slug, IdentityProviderRepresentation provider) {
        Map<String, String> config = provider.getConfig();
        return new ProviderView(
                provider.getAlias().substring(slug.length() + 1),
                provider.getAlias(),
                provider.getDisplayName(),
                config.get("issuer"),
                config.get("clientId"),
                config.get("selfdata.minimumAcr"),
                provider.isEnabled());
    }
}
