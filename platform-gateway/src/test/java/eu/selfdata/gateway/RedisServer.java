package eu.selfdata.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code redis-server} for a test: on a free loopback port, with a password, nothing written
 * to disk, stopped on {@link #close()}. {@code .ci/run} installs it; a machine without it fails the
 * test rather than skipping it.
 */
record RedisServer(Process process, int port, String password) implements AutoCloseable {

    private static final Path EXECUTABLE = Path.of("/usr/bin/redis-server");

    static RedisServer start(Path workDirectory) {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException(EXECUTABLE + " is missing: apt-get install redis-server");
        }
        int port = KeycloakGateway.freePort();
        String password = HexFormat.of().formatHex(randomBytes());
        try {
            Files.createDirectories(workDirectory);
            Path log = workDirectory.resolve("redis-" + port + ".log");
            Process process = new ProcessBuilder(List.of(
                            EXECUTABLE.toString(),
                            "--port",
                            String.valueOf(port),
                            "--bind",
                            "127.0.0.1",
                            "--requirepass",
                            password,
                            "--save",
                            "",
                            "--appendonly",
                            "no",
                            "--dir",
                            workDirectory.toAbsolutePath().toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            RedisServer server = new RedisServer(process, port, password);
            server.awaitReady(log);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("redis-server did not start", e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Path log) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (Files.readString(log).contains("Ready to accept connections")) {
                return;
            }
            if (!process.isAlive()) {
                break;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("redis-server is not ready:\n" + Files.readString(log));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
