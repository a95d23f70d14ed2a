package eu.selfdata.waste.weighing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.selfdata.connectors.ConnectorConfigs;
import eu.selfdata.connectors.ConnectorHealth;
import eu.selfdata.connectors.ConnectorHost;
import eu.selfdata.connectors.DeadLetter;
import eu.selfdata.connectors.DeadLetters;
import eu.selfdata.connectors.settings.Secret;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.waste.support.WasteConnectorTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The weighings template fed from the operator's SFTP server (Apache MINA SSHD, started here). */
class WeighingsSftpTemplateTest extends WasteConnectorTest {

    private static SshServer sftp;
    private static Path root;

    @Autowired
    ConnectorConfigs configs;

    @Autowired
    ConnectorHost host;

    @Autowired
    ConnectorHealth health;

    @Autowired
    DeadLetters deadLetters;

    @BeforeAll
    static void startSftpServer() throws IOException {
        root = Files.createTempDirectory("operator-sftp");
        sftp = SshServer.setUpDefaultServer();
        sftp.setHost("127.0.0.1");
        sftp.setPort(0);
        sftp.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(root.resolve("host.key")));
        sftp.setPasswordAuthenticator(
                (user, password, session) -> user.startsWith("operator-") && "s3cret; &=".equals(password));
        sftp.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sftp.setFileSystemFactory(new VirtualFileSystemFactory(root.resolve("files")));
        Files.createDirectories(root.resolve("files"));
        sftp.start();
    }

    /** The server's public host key as ssh-keyscan prints it. */
    static String hostKey() {
        try {
            return PublicKeyEntry.toString(
                    sftp.getKeyPairProvider().loadKeys(null).iterator().next().getPublic());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopSftpServer() throws IOException {
        sftp.stop(true);
    }

    @Test
    void theSftpSourceGivesTheSameResultAsTheFolderAndNeverImportsTwice() {
        String city = cities.onboard(freshCity("larochelle"));
        CitizenId camille = linkBin(city, "LR-0001");
        Path remote = root.resolve("files").resolve(city);
        configs.save(
                city,
                WeighingsSftpTemplate.ID,
                new ConnectorConfigs.Choice(
                        true,
                        Map.of(
                                "host",
                                "127.0.0.1",
                                "port",
                                Integer.toString(sftp.getPort()),
                                "username",
                                "operator-" + city,
                                "hostKey",
                                hostKey(),
                                "directory",
                                city,
                                "pollInterval",
                                "1s"),
                        Map.of("password", new Secret("s3cret; &="))));
        host.reconcile();

        drop(remote, "weighings-2026-03.csv", WeighingsFolderTemplateTest.mixedFile("LR-0001"));
        awaitFileIn(remote.resolve("done"), "weighings-2026-03.csv");
        drop(remote, "weighings-2026-03-again.csv", WeighingsFolderTemplateTest.mixedFile("LR-0001"));
        awaitFileIn(remote.resolve("done"), "weighings-2026-03-again.csv");

        assertThat(jdbc().sql("select grams from " + table(city, "waste_weighing")
                                + " where citizen_id = ? order by collected_at")
                        .param(camille.value())
                        .query(Integer.class)
                        .list())
                .containsExactly(12_500, 4_200);
        assertThat(jdbc().sql("select sum(weighings) from " + table(city, "waste_anonymous_tonnage"))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(deadLetters.list(
                        city, Optional.of(WeighingsSftpTemplate.ID), Optional.of(DeadLetter.Status.OPEN), 100))
                .extracting(DeadLetter::lineNumber)
                .containsExactlyInAnyOrder(5L, 6L, 7L, 8L, 9L);
        assertThat(Files.exists(remote.resolve("weighings-2026-03.csv"))).isFalse();
    }

    @Test
    void aServerThatCannotProveTheHostKeyTheAdminGaveIsNeverRead() throws Exception {
        String city = cities.onboard(freshCity("lyon"));
        linkBin(city, "LR-0001");
        Path remote = root.resolve("files").resolve(city);
        String anotherServersKey = PublicKeyEntry.toString(
                KeyUtils.generateKeyPair(KeyPairProvider.SSH_RSA, 2048).getPublic());
        configs.save(
                city,
                WeighingsSftpTemplate.ID,
                new ConnectorConfigs.Choice(
                        true,
                        Map.of(
                                "host",
                                "127.0.0.1",
                                "port",
                                Integer.toString(sftp.getPort()),
                                "username",
                                "operator-" + city,
                                "hostKey",
                                anotherServersKey,
                                "directory",
                                city,
                                "pollInterval",
                                "1s"),
                        Map.of("password", new Secret("s3cret; &="))));
        drop(remote, "weighings-2026-03.csv", WeighingsFolderTemplateTest.mixedFile("LR-0001"));
        host.reconcile();

        String route = city + "." + WeighingsSftpTemplate.ID;
        await().atMost(Duration.ofSeconds(30))
                .until(() -> health.of(route)
                        .map(h -> String.valueOf(h.getDetails().get("lastErrorMessage")))
                        .orElse("")
                        .contains("HostKey"));
        assertThat(health.of(route).orElseThrow().getStatus()).isEqualTo(ConnectorHealth.DEGRADED);
        assertThat(Files.exists(remote.resolve("weighings-2026-03.csv")))
                .as("the file is never taken")
                .isTrue();
        assertThat(cities.count(city, "waste_weighing")).isZero();
        host.stopAll();
    }

    @Test
    void theSftpConnectorStaysOffUntilTheCityAdminConfiguresIt() {
        String city = cities.onboard(freshCity("lyon"));
        host.reconcile();

        assertThat(host.running(city, WeighingsFolderTemplate.ID)).isPresent();
        assertThat(host.running(city, WeighingsSftpTemplate.ID)).isEmpty();
    }
}
