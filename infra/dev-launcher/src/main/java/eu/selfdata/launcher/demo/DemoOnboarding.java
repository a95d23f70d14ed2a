package eu.selfdata.launcher.demo;

import eu.selfdata.launcher.identity.DevCoordinator;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/** Onboards the demo cities unless an earlier run did, and waits until their portals answer. */
public final class DemoOnboarding {

    private static final Duration ACTIVE_TIMEOUT = Duration.ofSeconds(60);
    // the gateway refreshes its city directory every 5 s
    private static final Duration SERVED_TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http;
    private final URI gateway;
    private final DevCoordinator identity;

    public DemoOnboarding(HttpClient http, URI gateway, DevCoordinator identity) {
        this.http = http;
        this.gateway = gateway;
        this.identity = identity;
    }

    public void onboard(List<DemoCity> cities) throws InterruptedException {
        if (cities.isEmpty()) {
            return;
        }
        // one token is enough: it lives 5 minutes, onboarding waits at most 80 s a city
        CoordinatorClient coordinator = new CoordinatorClient(http, gateway, identity.accessToken());
        for (DemoCity city : cities) {
            boolean started = coordinator.onboard(city);
            System.out.println(city.displayName() + (started ? ": onboarding" : ": already onboarded"));
        }
        for (DemoCity city : cities) {
            coordinator.awaitActive(city.slug(), ACTIVE_TIMEOUT);
            coordinator.awaitServed(city, SERVED_TIMEOUT);
            System.out.println(city.displayName() + ": ACTIVE on " + coordinator.cityHost(city));
        }
    }
}
