package eu.selfdata.launcher;

import eu.selfdata.keycloak.KeycloakServer;
import eu.selfdata.launcher.demo.DemoCity;
import eu.selfdata.launcher.identity.DemoAccount;
import eu.selfdata.launcher.identity.DevCoordinator;
import eu.selfdata.launcher.service.ServiceProcess;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code ./run-dev.sh}: embedded PostgreSQL, Keycloak, a mailbox, tenant-service and the gateway as child
 * processes, the demo cities, then the URLs. Ctrl-C stops everything; a service dying on its own stops the rest.
 */
public final class DevLauncher {

    private DevLauncher() {}

    public static void main(String[] args) {
        // lets the demo onboarding check a city's portal through the gateway with Host: {slug}.localhost
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(LauncherOptions.USAGE);
            return;
        }
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args, System.getProperties());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LauncherOptions.USAGE);
            System.exit(2);
            return;
        }

        DevPlatform platform = new DevPlatform(options);
        StopSignals.install(platform::close);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "dev-launcher-shutdown"));
        try {
            DevPlatform.Started started = platform.start();
            System.out.println(summary(options, started));
            ServiceProcess died = platform.unexpectedExit().join();
            System.err.printf(
                    "%n%s exited on its own (exit code %d); see %s. Stopping the rest.%n",
                    died.name(), died.exitCode(), died.log());
        } catch (InterruptedException | RuntimeException e) {
            if (platform.isStopping()) {
                return; // Ctrl-C during start-up: the stop thread finishes and exits
            }
            System.err.println("\nThe platform did not start: " + e.getMessage());
            if (e instanceof IllegalStateException || e instanceof UncheckedIOException) {
                // expected failures carry a message naming the service and its log
                if (e.getCause() != null) {
                    System.err.println("  cause: " + e.getCause());
                }
            } else {
                e.printStackTrace();
            }
        }
        platform.close();
        System.exit(1);
    }

    static String summary(LauncherOptions options, DevPlatform.Started started) {
        StringBuilder text = new StringBuilder("\nSelf Data platform is running.\n");
        String gateway = "http://localhost:" + options.gatewayPort();
        for (DemoCity city : started.cities()) {
            line(text, city.displayName(), "http://" + city.slug() + ".localhost:" + options.gatewayPort() + "/");
            for (DemoAccount account : started.accounts()) {
                if (account.city().equals(Optional.of(city.slug()))) {
                    line(
                            text,
                            account.kind() == DemoAccount.Kind.CITY_ADMIN ? "  admin" : "  citizen",
                            credentials(account));
                }
            }
        }
        for (DemoAccount account : started.accounts()) {
            if (account.kind() == DemoAccount.Kind.COORDINATOR) {
                line(text, "Coordinator", credentials(account) + " on " + account.signInUrl());
            }
        }
        if (!started.services().isEmpty()) {
            line(text, "Coordinator API", gateway + "/platform/tenants (with a coordinator's token, see below)");
            line(
                    text,
                    "Governance API",
                    gateway + "/governance/partners (coordinator), {city}/governance/pilots (citizens)");
            line(
                    text,
                    "Health",
                    gateway + "/actuator/health  http://localhost:" + options.tenantServicePort() + "/actuator/health"
                            + "  http://localhost:" + options.governancePort() + "/actuator/health");
        }
        line(
                text,
                "Mails",
                started.mailbox().pageUrl() + " (every mail of the run; SMTP "
                        + started.mailbox().smtpHost() + ":" + started.mailbox().smtpPort()
                        + ", nothing leaves the machine)");
        line(text, "Keycloak", started.keycloak().baseUrl() + "/admin/ (admin / admin), realm " + KeycloakServer.REALM);
        line(
                text,
                "API token",
                "curl -s -d grant_type=client_credentials -d client_id=" + DevCoordinator.CLIENT_ID
                        + " -d client_secret=$(cat " + options.coordinatorSecretFile() + ") "
                        + started.keycloak().issuer()
                        + "/protocol/openid-connect/token");
        line(
                text,
                "PostgreSQL",
                started.database().url() + " (user " + started.database().user() + ")");
        line(
                text,
                "Logs",
                options.logDir() + " (Keycloak: " + started.keycloak().log() + ")");
        line(
                text,
                "Run secrets",
                options.gatewaySecretFile() + ", " + options.coordinatorSecretFile() + ", "
                        + options.tenantServiceArgumentsFile());
        line(text, "Demo passwords", options.demoPasswordsFile());
        return text.append("Ctrl-C stops everything.").toString();
    }

    private static String credentials(DemoAccount account) {
        String password = account.password()
                .orElse(
                        account.kind() == DemoAccount.Kind.CITY_ADMIN
                                ? "(changed at first sign-in; not known to the launcher)"
                                : "(unknown)");
        return account.login() + " / " + password
                + (account.temporary() ? " (temporary: change at first sign-in)" : "");
    }

    private static void line(StringBuilder text, String label, Object value) {
        text.append(String.format("  %-16s %s%n", label, value));
    }
}
