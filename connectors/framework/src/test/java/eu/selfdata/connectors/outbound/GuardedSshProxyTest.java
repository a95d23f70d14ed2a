package eu.selfdata.connectors.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import eu.selfdata.usecase.api.outbound.OutboundHost;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SSH sessions (as Camel's SFTP opens them, through JSch) to an Apache MINA SSHD server on 127.0.0.1. */
class GuardedSshProxyTest {

    private static SshServer ssh;
    private static final AtomicInteger authentications = new AtomicInteger();

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSshServer() throws IOException {
        ssh = SshServer.setUpDefaultServer();
        ssh.setHost("127.0.0.1");
        ssh.setPort(0);
        ssh.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(dir.resolve("host.key")));
        ssh.setPasswordAuthenticator((user, password, session) -> {
            authentications.incrementAndGet();
            return "operator".equals(user) && "s3cret".equals(password);
        });
        ssh.start();
    }

    @AfterAll
    static void stopSshServer() throws IOException {
        ssh.stop(true);
    }

    @Test
    void aLoopbackSshServerIsRefusedByDefaultAndReachedOnceAllowListedForThatCityOnly() throws Exception {
        Map<String, List<OutboundHost>> allowLists =
                Map.of("larochelle", List.of(OutboundHost.parse("127.0.0.1:" + ssh.getPort())));
        OutboundGuard guard = new OutboundGuard(
                OutboundHttpTest.SETTINGS, city -> allowLists.getOrDefault(city, List.of()), OutboundHttpTest::resolve);
        int before = authentications.get();

        assertThatThrownBy(() -> session(guard, "lyon", "127.0.0.1").connect(5_000))
                .isInstanceOf(JSchException.class)
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> session(guard, "lyon", "open-data.test").connect(5_000))
                .isInstanceOf(JSchException.class)
                .hasMessageContaining("open-data.test resolves to 127.0.0.1");
        assertThat(authentications.get()).isEqualTo(before);

        Session allowed = session(guard, "larochelle", "127.0.0.1");
        allowed.connect(5_000);
        assertThat(allowed.isConnected()).isTrue();
        allowed.disconnect();
        assertThat(authentications.get()).isGreaterThan(before);
    }

    private static Session session(OutboundGuard guard, String city, String host) throws JSchException {
        Session session = new JSch().getSession("operator", host, ssh.getPort());
        session.setPassword("s3cret");
        session.setConfig("StrictHostKeyChecking", "no");
        session.setProxy(guard.sshProxy(city));
        return session;
    }
}
