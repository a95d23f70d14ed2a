package eu.selfdata.connectors.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's mosquitto as a city's external broker, started on a free loopback port with the
 * configuration the README gives operators: no anonymous login, a password file made with
 * {@code mosquitto_passwd}, and the ACL {@code pattern readwrite %u/#}. Fails (never skips) when
 * mosquitto is not installed: {@code .ci/run} installs it.
 */
final class MosquittoForTests implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    static final Path PASSWD = Path.of("/usr/bin/mosquitto_passwd");

    private final Process process;
    private final int port;

    private MosquittoForTests(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** @param accounts username (city slug) → password */
    static MosquittoForTests start(Path folder, Map<String, String> accounts) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(PASSWD)) {
            throw new IllegalStateException("mosquitto is not installed (apt-get install mosquitto; .ci/run does)");
        }
        Path passwords = Files.createFile(
                folder.resolve("passwd"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        for (Map.Entry<String, String> account : accounts.entrySet()) {
            run(PASSWD.toString(), "-b", passwords.toString(), account.getKey(), account.getValue());
        }
        Path acl = Files.writeString(folder.resolve("acl"), "pattern readwrite %u/#\n");
        int port = freePort();
        Path config = Files.writeString(
                folder.resolve("mosquitto.conf"),
                String.join(
                        "\n",
                        "listener " + port + " 127.0.0.1",
                        "allow_anonymous false",
                        "password_file " + passwords,
                        "acl_file " + acl,
                        "persistence false",
                        // Started as root, mosquitto would switch to the 'mosquitto' user, who cannot read this folder.
                        "user " + System.getProperty("user.name"),
                        "log_dest stdout",
                        ""));
        Path log = folder.resolve("mosquitto.log");
        Process process = new ProcessBuilder(BINARY.toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        MosquittoForTests broker = new MosquittoForTests(process, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!broker.listening()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                broker.close();
                throw new IllegalStateException("mosquitto did not start: " + Files.readString(log));
            }
            Thread.sleep(50);
        }
        return broker;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command[0], command[1]) + " failed: " + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
