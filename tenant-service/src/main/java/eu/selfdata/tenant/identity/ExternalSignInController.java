package eu.selfdata.tenant.identity;

import eu.selfdata.tenant.problem.NotFoundException;
import eu.selfdata.tenant.problem.ProblemException;
import eu.selfdata.tenant.problem.ProblemType;
import eu.selfdata.tenant.registry.TenantRegistry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coordinator API: the external identity providers a city's citizens may sign in with (FranceConnect-ready). Every
 * value is checked before it reaches the identity server: the name is a short identifier, the addresses absolute
 * https URLs (http on loopback only, for a stand-in), the level one of eidas1, eidas2, eidas3.
 */
@RestController
@ConditionalOnProperty("selfdata.keycloak.url")
class ExternalSignInController {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final ExternalSignIn providers;
    private final TenantRegistry registry;

    ExternalSignInController(ExternalSignIn providers, TenantRegistry registry) {
        this.providers = providers;
        this.registry = registry;
    }

    record ProviderRequest(
            @NotBlank @Size(max = 100) String displayName,
            @NotNull URI issuer,
            @NotNull URI authorizationUrl,
            @NotNull URI tokenUrl,
            @NotNull URI jwksUrl,
            URI userInfoUrl,

            @NotBlank @Size(max = 200) @Pattern(regexp = "[\\x21-\\x7e]+")
            String clientId,

            @NotBlank @Size(max = 500) @Pattern(regexp = "[\\x21-\\x7e]+")
            String clientSecret,

            @NotNull @Pattern(regexp = "eidas[123]") String minimumAcr,

            @Size(max = 300) @Pattern(regexp = "[a-z0-9_:]+( [a-z0-9_:]+)*")
            String scopes) {}

    @GetMapping("/platform/tenants/{slug}/identity-providers")
    List<ExternalSignIn.ProviderView> list(@PathVariable String slug) {
        return providers.list(registry.onboarded(slug).slug());
    }

    @PutMapping("/platform/tenants/{slug}/identity-providers/{name}")
    ExternalSignIn.ProviderView save(
            @PathVariable String slug, @PathVariable String name, @Valid @RequestBody ProviderRequest request) {
        if (!name.matches("[a-z][a-z0-9-]{1,30}")) {
            throw new ProblemException(
                    ProblemType.INVALID_REQUEST,
                    "name is 2 to 31 lower-case letters, digits or '-', starting with a letter");
        }
        for (Map.Entry<String, URI> url : Map.of(
                        "issuer",
                        request.issuer(),
                        "authorizationUrl",
                        request.authorizationUrl(),
                        "tokenUrl",
                        request.tokenUrl(),
                        "jwksUrl",
                        request.jwksUrl())
                .entrySet()) {
            requireProviderUrl(url.getKey(), url.getValue());
        }
        if (request.userInfoUrl() != null) {
            requireProviderUrl("userInfoUrl", request.userInfoUrl());
        }
        return providers.save(
                registry.onboarded(slug).slug(),
                new ExternalSignIn.Provider(
                        name,
                        request.displayName().strip(),
                        request.issuer(),
                        request.authorizationUrl(),
                        request.tokenUrl(),
                        request.jwksUrl(),
                        request.userInfoUrl(),
                        request.clientId(),
                        request.clientSecret(),
                        request.minimumAcr(),
                        request.scopes()));
    }

    @DeleteMapping("/platform/tenants/{slug}/identity-providers/{name}")
    ResponseEntity<Void> remove(@PathVariable String slug, @PathVariable String name) {
        if (!providers.remove(registry.onboarded(slug).slug(), name)) {
            throw new NotFoundException("City " + slug + " has no identity provider " + name);
        }
        return ResponseEntity.noContent().build();
    }

    private static void requireProviderUrl(String field, URI url) {
        boolean secure =
                "https".equals(url.getScheme()) || ("http".equals(url.getScheme()) && LOOPBACK.contains(url.getHost()));
        if (!url.isAbsolute()
                || url.getHost() == null
                || url.getUserInfo() != null
                || url.getFragment() != null
                || !secure) {
            throw new ProblemException(
                    ProblemType.INVALID_REQUEST,
                    field + " is an absolute https URL without user or fragment"
                            + " (http only on loopback, for a stand-in provider)");
        }
    }
}
