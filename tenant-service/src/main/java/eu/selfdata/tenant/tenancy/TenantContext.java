package eu.selfdata.tenant.tenancy;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.MDC;

/**
 * The tenant the current thread works for. Scoped: set for the duration of a call and always
 * restored, so a pooled or virtual thread never keeps a tenant from a previous task.
 */
public final class TenantContext {

    private static final ThreadLocal<TenantId> CURRENT = new ThreadLocal<>();
    private static final String MDC_KEY = "tenant";

    private TenantContext() {}

    public static TenantId require() {
        TenantId tenant = CURRENT.get();
        if (tenant == null) {
            throw new NoTenantInContextException();
        }
        return tenant;
    }

    public static Optional<TenantId> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static void run(TenantId tenant, Runnable work) {
        call(tenant, () -> {
            work.run();
            return null;
        });
    }

    public static <T> T call(TenantId tenant, Callable<T> work) {
        TenantId previous = CURRENT.get();
        CURRENT.set(tenant);
        MDC.put(MDC_KEY, tenant.slug());
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            restore(previous);
        }
    }

    private static void restore(TenantId previous) {
        if (previous == null) {
            CURRENT.remove();
            MDC.remove(MDC_KEY);
        } else {
            CURRENT.set(previous);
            MDC.put(MDC_KEY, previous.slug());
        }
    }
}
