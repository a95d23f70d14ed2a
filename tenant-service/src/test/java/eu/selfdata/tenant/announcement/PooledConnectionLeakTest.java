package eu.selfdata.tenant.announcement;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.tenant.support.TenantServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The known real leak of schema-per-tenant: a pooled connection keeping a city's search_path. */
class PooledConnectionLeakTest extends TenantServiceTest {

    private static final int REQUESTS = 4000;
    private static final int CONCURRENCY = 200;

    @Test
    void twoCitiesHammeredConcurrentlyNeverSeeEachOthersData() throws Exception {
        String a = onboard(freshSlug("alpha"), "Alpha");
        String b = onboard(freshSlug("beta"), "Beta");
        for (int i = 0; i < 3; i++) {
            publish(a, "a" + i, "owned-by-alpha");
            publish(b, "b" + i, "owned-by-beta");
        }
        assertThat(CONCURRENCY).isGreaterThan(POOL_SIZE * 10);

        AtomicInteger leaks = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        Semaphore inFlight = new Semaphore(CONCURRENCY);
        List<Future<?>> all = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < REQUESTS; i++) {
                boolean alpha = i % 2 == 0;
                inFlight.acquire();
                all.add(threads.submit(() -> {
                    try {
                        ServiceClient.Response response = client.city(alpha ? a : b, "GET", "/api/announcements", null);
                        if (response.status() != 200) {
                            failures.incrementAndGet();
                        } else if (response.body().contains(alpha ? "owned-by-beta" : "owned-by-alpha")
                                || !response.body().contains(alpha ? "owned-by-alpha" : "owned-by-beta")) {
                            leaks.incrementAndGet();
                        }
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            for (Future<?> request : all) {
                request.get();
            }
        }

        assertThat(leaks).as("responses carrying the other city's data").hasValue(0);
        assertThat(failures).as("failed requests").hasValue(0);
        assertEveryPooledConnectionHasTheDefaultSearchPath();
    }
}
