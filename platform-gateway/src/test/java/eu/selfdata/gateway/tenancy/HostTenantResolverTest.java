package eu.selfdata.gateway.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HostTenantResolverTest {

    private final HostTenantResolver resolver = resolverFor("localhost");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "larochelle.localhost",
                "larochelle.localhost:8080",
                "LaRochelle.LOCALHOST:8080",
                "larochelle.localhost.",
                " larochelle.localhost "
            })
    void cityIsTheSlugLabelOfTheBaseDomainWhateverThePortOrCase(String host) {
        assertThat(resolver.resolve(host)).isEqualTo(new RequestedHost.Subdomain("larochelle"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:8080", "LOCALHOST:443"})
    void bareBaseDomainIsThePlatformHost(String host) {
        assertThat(resolver.resolve(host)).isEqualTo(new RequestedHost.Platform());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a.b.localhost",
                "larochelle.lyon.localhost:8080",
                "x.localhost",
                "1city.localhost",
                "la_rochelle.localhost",
                "a-very-long-city-name-that-goes-beyond-forty.localhost",
                "lyon-.localhost",
                "-lyon.localhost"
            })
    void nestedSubdomainsAndMalformedSlugsAreNeverACity(String host) {
        assertThat(resolver.resolve(host)).isEqualTo(new RequestedHost.Unservable());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "[::1]:8080",
                "evil.localhost/../x",
                "host with space",
                "..localhost",
                "localhost:123456",
                "larochelle.localhost:80a",
                ":8080",
                "larochelle.localhost::8080"
            })
    void missingOrMalformedHostIsNeverACity(String host) {
        assertThat(resolver.resolve(host)).isEqualTo(new RequestedHost.Unservable());
    }

    @Test
    void otherDomainsAreCandidateCustomDomainsInLowerCaseWithoutPort() {
        assertThat(resolver.resolve("Mobilite.LaRochelle.FR:443"))
                .isEqualTo(new RequestedHost.CustomDomain("mobilite.larochelle.fr"));
    }

    @Test
    void lookalikeOfTheBaseDomainIsNotPartOfIt() {
        assertThat(resolver.resolve("larochelle.evillocalhost"))
                .isEqualTo(new RequestedHost.CustomDomain("larochelle.evillocalhost"));
    }

    @Test
    void baseDomainIsConfigurable() {
        HostTenantResolver production = resolverFor("SelfData.eu");

        assertThat(production.resolve("lyon.selfdata.eu")).isEqualTo(new RequestedHost.Subdomain("lyon"));
        assertThat(production.resolve("selfdata.eu")).isEqualTo(new RequestedHost.Platform());
        assertThat(production.resolve("lyon.localhost")).isEqualTo(new RequestedHost.CustomDomain("lyon.localhost"));
    }

    private static HostTenantResolver resolverFor(String baseDomain) {
        return new HostTenantResolver(new TenancyProperties(
                baseDomain,
                new TenancyProperties.Directory(Duration.ofSeconds(5)),
                new TenancyProperties.Routes(URI.create("http://localhost:8081"))));
    }
}
