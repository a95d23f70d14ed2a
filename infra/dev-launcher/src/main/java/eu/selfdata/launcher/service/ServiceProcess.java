package eu.selfdata.launcher.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A service jar running as a child process with the launcher's own java. Its output goes to the
 * console, each line prefixed with the service name, and to {@code <log dir>/<name>.log}.
 */
public final class ServiceProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public static ServiceProcess start(String name, Path jar, List<String> arguments, Path logDir) {
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(javaCommand(), "-jar", jar.toString()));
            command.addAll(arguments);
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            ServiceProcess service = new ServiceProcess(name, process, log);
            Thread.ofPlatform().daemon().name(name + "-output").start(service::copyOutput);
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + " from " + jar, e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Only once the process has ended. */
    public int exitCode() {
        return process.exitValue();
    }

    public CompletableFuture<ServiceProcess> onExit() {
        return process.onExit().thenApply(ended -> this);
    }

    /** SIGTERM: Spring Boot then shuts down gracefully. */
    public void requestStop() {
        // through the handle: Process.destroy() also closes our end of the output pipe, losing the shutdown log
        process.toHandle().destroy();
    }

    /** Waits for the process to end until {@code deadline}, then kills it. */
    public void awaitStop(Instant deadline) {
        try {
            long millis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) {
                System.out.println(name + " did not stop in time: killing it");
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void copyOutput() {
        String prefix = "[" + name + "] ";
        try (BufferedReader output =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                System.out.println(prefix + line);
                file.write(line);
                file.write('\n');
                // flushed per line so that `tail -f` and a failure message's log show the latest lines
                file.flush();
            }
        } catch (IOException e) {
            System.err.println(prefix + "output lost: " + e.getMessage());
        }
    }

    /** The java running this launcher, so the services get the same JDK (21+). */
    private static String javaCommand() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
