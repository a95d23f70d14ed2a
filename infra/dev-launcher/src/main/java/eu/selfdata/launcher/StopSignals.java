package eu.selfdata.launcher;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C, SIGTERM and SIGHUP stop the platform in order, then exit. A shutdown hook alone cannot
 * promise the order: zonky registers its own hook that stops PostgreSQL, and the JVM runs all hooks
 * at once, so the services would lose their database while shutting down gracefully.
 */
final class StopSignals {

    private StopSignals() {}

    static void install(Runnable stop) {
        AtomicBoolean received = new AtomicBoolean();
        SignalHandler handler = signal -> {
            if (received.compareAndSet(false, true)) {
                Thread.ofPlatform().name("dev-launcher-stop").start(() -> {
                    stop.run();
                    System.exit(0);
                });
            } else {
                System.out.println("Still stopping: services get up to 20 s before they are killed");
            }
        };
        for (String name : List.of("INT", "TERM", "HUP")) {
            try {
                Signal.handle(new Signal(name), handler);
            } catch (IllegalArgumentException e) {
                // signal reserved here (e.g. -Xrs): the shutdown hook still stops everything, unordered
            }
        }
    }
}
