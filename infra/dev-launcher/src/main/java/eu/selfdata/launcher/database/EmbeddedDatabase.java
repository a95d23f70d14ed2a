package eu.selfdata.launcher.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** PostgreSQL 17 run by this launcher (zonky binaries), its data kept between runs. */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final String DATABASE = "selfdata";
    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final JdbcConnection connection;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.connection = new JdbcConnection(
                "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE, SUPERUSER, SUPERUSER);
    }

    /** Starts the server on {@code dataDir} (initialised on first use) and creates the database if missing. */
    public static EmbeddedDatabase start(Path dataDir, int port, Path log) {
        refuseOrphanedServer(dataDir);
        try {
            Files.createDirectories(log.getParent());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres);
            database.createDatabaseIfMissing();
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start on port " + port + "; see " + log, e);
        }
    }

    public JdbcConnection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet found = exists.executeQuery()) {
                if (!found.next()) {
                    try (Statement create = admin.createStatement()) {
                        create.execute("CREATE DATABASE " + DATABASE);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + DATABASE, e);
        }
    }

    /**
     * A launcher killed with SIGKILL leaves its postmaster running (pg_ctl detaches it); starting a
     * second one on the same data would fail with an obscure pg_ctl error, so say what to do instead.
     */
    private static void refuseOrphanedServer(Path dataDir) {
        OptionalLong pid = postmasterPid(dataDir.resolve("postmaster.pid"));
        boolean running = pid.isPresent()
                && ProcessHandle.of(pid.getAsLong())
                        .filter(ProcessHandle::isAlive)
                        .flatMap(process -> process.info().command())
                        .filter(command -> command.endsWith("postgres"))
                        .isPresent();
        if (running) {
            throw new IllegalStateException("A PostgreSQL from an earlier run still uses " + dataDir + " (pid "
                    + pid.getAsLong() + "). Stop it first: kill -INT " + pid.getAsLong());
        }
    }

    private static OptionalLong postmasterPid(Path pidFile) {
        try (Stream<String> lines = Files.lines(pidFile)) {
            return lines.findFirst()
                    .map(String::trim)
                    .map(Long::parseLong)
                    .map(OptionalLong::of)
                    .orElse(OptionalLong.empty());
        } catch (IOException | NumberFormatException e) {
            // no or unreadable pid file: PostgreSQL itself decides whether it is stale
            return OptionalLong.empty();
        }
    }
}
