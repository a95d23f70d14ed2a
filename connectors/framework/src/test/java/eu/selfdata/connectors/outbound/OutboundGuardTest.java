package eu.selfdata.connectors.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.selfdata.usecase.api.outbound.OutboundHost;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names resolving to every refused range, checked where the guard decides: no connection is ever made. */
class OutboundGuardTest {

    private static final List<String> PLATFORM =
            List.of("keycloak.selfdata.example", "*.selfdata.example", "tenant-service");

    @ParameterizedTest(name = "a name resolving to {0} is refused")
    @ValueSource(
            strings = {
                "127.0.0.1",
                "0.0.0.0",
                "10.20.30.40",
                "172.20.0.1",
                "192.168.1.10",
                "100.64.1.1",
                "169.254.169.254",
                "192.0.0.170",
                "192.0.2.10",
                "198.51.100.10",
                "203.0.113.10",
                "198.18.5.5",
                "224.0.0.1",
                "240.1.2.3",
                "255.255.255.255",
                "::1",
                "::",
                "fe80::1",
                "fec0::1",
                "fc00::1",
                "fd00:ec2::254",
                "ff02::1",
                "2001:db8::1",
                "::ffff:10.0.0.1",
                "::127.0.0.1",
                "64:ff9b::a00:1",
                "2002:a00:1::1",
                "2001:0:a00:1::1"
            })
    void aNameResolvingToANonPublicAddressIsRefusedAndSoIsTheLiteral(String address) throws UnknownHostException {
        InetAddress resolved = InetAddress.getByName(address);
        OutboundGuard guard = guard(Map.of(), host -> new InetAddress[] {resolved});

        assertThatThrownBy(() -> guard.resolve("lyon", "data.lyon.example", 443))
                .isInstanceOf(OutboundException.Refused.class)
                .hasMessageStartingWith(
                        "data.lyon.example resolves to " + resolved.getHostAddress() + ", not a public address: ");
        assertThatThrownBy(() -> guard.resolve("lyon", address.contains(":") ? "[" + address + "]" : address, 443))
                .isInstanceOf(OutboundException.Refused.class)
                .hasMessageContaining("is not a public address");
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIsNotPublic() throws UnknownHostException {
        InetAddress[] mixed = {InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.0.0.7")};
        OutboundGuard guard = guard(Map.of(), host -> mixed);

        assertThatThrownBy(() -> guard.resolve("lyon", "rebind.example", 80)).hasMessageContaining("10.0.0.7");
    }

    @Test
    void aPublicNameGivesTheAddressesItWasCheckedWith() throws Exception {
        InetAddress[] addresses = {
            InetAddress.getByName("93.184.215.14"), InetAddress.getByName("2606:2800:21f:cb07:6820:80da:af6b:8b2c")
        };
        AtomicInteger lookups = new AtomicInteger();
        OutboundGuard guard = guard(Map.of(), host -> {
            lookups.incrementAndGet();
            return addresses;
        });

        assertThat(guard.resolve("lyon", "data.lyon.example", 443)).containsExactly(addresses);
        assertThat(lookups).hasValue(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "keycloak.selfdata.example",
                "KEYCLOAK.selfdata.example.",
                "lyon.selfdata.example",
                "a.b.selfdata.example",
                "tenant-service",
                "Tenant-Service."
            })
    void thePlatformsOwnHostsAreRefusedByNameBeforeAnyLookupEvenWhenAllowListed(String host) {
        OutboundGuard guard = guard(Map.of("lyon", List.of(OutboundHost.parse(OutboundHost.normalise(host)))), name -> {
            throw new AssertionError("no lookup for a platform host");
        });

        assertThatThrownBy(() -> guard.resolve("lyon", host, 443))
                .isInstanceOf(OutboundException.Refused.class)
                .hasMessageContaining("platform's own hosts");
    }

    @Test
    void theBaseDomainItselfIsNotCoveredByItsWildcard() throws Exception {
        OutboundGuard guard = guard(Map.of(), host -> new InetAddress[] {InetAddress.getByName("93.184.215.14")});

        assertThat(guard.resolve("lyon", "selfdata.example", 443)).hasSize(1);
        assertThat(guard.resolve("lyon", "notselfdata.example", 443)).hasSize(1);
    }

    @Test
    void anAllowListEntryLiftsTheAddressCheckForItsCityHostAndPortOnly() throws Exception {
        InetAddress vpn = InetAddress.getByName("10.8.0.5");
        OutboundGuard guard = guard(
                Map.of(
                        "larochelle",
                        List.of(OutboundHost.parse("sftp.operator.example:2222"), OutboundHost.parse("10.8.0.6"))),
                host -> new InetAddress[] {vpn});

        assertThat(guard.resolve("larochelle", "SFTP.operator.example.", 2222)).containsExactly(vpn);
        assertThat(guard.resolve("larochelle", "10.8.0.6", 22)).containsExactly(InetAddress.getByName("10.8.0.6"));
        assertThatThrownBy(() -> guard.resolve("larochelle", "sftp.operator.example", 22))
                .isInstanceOf(OutboundException.Refused.class);
        assertThatThrownBy(() -> guard.resolve("lyon", "sftp.operator.example", 2222))
                .isInstanceOf(OutboundException.Refused.class);
        assertThatThrownBy(() -> guard.resolve("lyon", "10.8.0.6", 22)).isInstanceOf(OutboundException.Refused.class);
        assertThatThrownBy(() -> guard.resolve("larochelle", "other.operator.example", 2222))
                .isInstanceOf(OutboundException.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "under_score.example",
                "-lead.example",
                "a..b",
                "0177.0.0.1",
                "2130706433",
                "127.1",
                "1.2.3.4.5",
                "exa mple.org",
                "[127.0.0.1]",
                "fe80::1%eth0",
                "evil.example/x",
                "xn--.example"
            })
    void whatIsNeitherADnsNameNorAnIpLiteralIsRefusedWithoutLookup(String host) {
        OutboundGuard guard = guard(Map.of(), name -> {
            throw new AssertionError("no lookup for '" + name + "'");
        });

        assertThatThrownBy(() -> guard.resolve("lyon", host, 80))
                .isInstanceOf(OutboundException.Refused.class)
                .hasMessageContaining("is not");
    }

    @Test
    void aCityIsASlug() {
        OutboundGuard guard = guard(Map.of(), name -> new InetAddress[0]);

        assertThatThrownBy(() -> guard.resolve("../lyon", "data.example", 80))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static OutboundGuard guard(Map<String, List<OutboundHost>> allowLists, HostResolver resolver) {
        OutboundSettings settings = new OutboundSettings(PLATFORM, null, null, null, null, null, null);
        return new OutboundGuard(settings, city -> allowLists.getOrDefault(city, List.of()), resolver);
    }
}
