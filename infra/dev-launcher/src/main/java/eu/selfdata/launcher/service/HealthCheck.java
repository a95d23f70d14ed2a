package eu.selfdata.launcher.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Waits for a service's health endpoint to answer 200. */
public final class HealthCheck {

    private static final Duration POLL = Duration.ofMillis(250);

    private final HttpClient http;

    public HealthCheck(HttpClient http) {
        this.http = http;
    }

    /** @throws IllegalStateException when the service exits first or is not healthy in time, naming its log */
    public void awaitUp(ServiceProcess service, URI health, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String lastAnswer = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!service.isAlive()) {
                throw new IllegalStateException(service.name() + " exited with code " + service.exitCode()
                        + " while starting; see " + service.log());
            }
            try {
                HttpRequest request = HttpRequest.newBuilder(health)
                        .timeout(Duration.ofSeconds(2))
                        .GET()
                        .build();
                int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status == 200) {
                    return;
                }
                lastAnswer = "HTTP " + status;
            } catch (IOException e) {
                lastAnswer = e.toString();
            }
            Thread.sleep(POLL);
        }
        throw new IllegalStateException(service.name() + " was not healthy at " + health + " after "
                + timeout.toSeconds() + " s (last: " + lastAnswer + "); see " + service.log());
    }
}
