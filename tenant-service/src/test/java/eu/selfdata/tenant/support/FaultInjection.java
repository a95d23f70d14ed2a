package eu.selfdata.tenant.support;

import eu.selfdata.tenant.erasure.ErasureRequest;
import eu.selfdata.tenant.erasure.ErasureStep;
import eu.selfdata.tenant.onboarding.OnboardingStep;
import eu.selfdata.tenant.onboarding.RetryLaterException;
import eu.selfdata.tenant.registry.Tenant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Wraps every onboarding step so a test can make it fail (an exception: compensated), crash (an
 * Error that escapes the saga as a killed process would, leaving the journal mid-step) or meet an
 * outage once (retried later).
 */
@TestConfiguration(proxyBeanMethods = false)
public class FaultInjection {

    public enum Fault {
        FAIL,
        CRASH,
        UNAVAILABLE
    }

    /** slug → (step → fault); slugs keep tests in one shared context apart. */
    private static final Map<String, Map<String, Fault>> PLAN = new ConcurrentHashMap<>();

    private static final Map<String, Integer> EXECUTIONS = new ConcurrentHashMap<>();

    public static void inject(String slug, String step, Fault fault) {
        PLAN.computeIfAbsent(slug, s -> new ConcurrentHashMap<>()).put(step, fault);
    }

    public static void clear(String slug) {
        PLAN.remove(slug);
    }

    public static int executions(String slug, String step) {
        return EXECUTIONS.getOrDefault(slug + "/" + step, 0);
    }

    @Bean
    static BeanPostProcessor faultyOnboardingSteps() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof OnboardingStep step ? new FaultyStep(step) : bean;
            }
        };
    }

    /**
     * Wraps every erasure step too: a FAIL there fails it once per injection (as an outage would), before its
     * work; a CRASH escapes the saga once after the work, as a replica killed before journaling it.
     */
    @Bean
    static BeanPostProcessor faultyErasureSteps() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof ErasureStep step ? new FaultyErasureStep(step) : bean;
            }
        };
    }

    private record FaultyErasureStep(ErasureStep delegate) implements ErasureStep {

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public int order() {
            return delegate.order();
        }

        @Override
        public void execute(ErasureRequest request) {
            Map<String, Fault> plan = PLAN.getOrDefault(request.city(), Map.of());
            if (plan.get(name()) == Fault.FAIL) {
                plan.remove(name());
                throw new IllegalStateException("injected failure in erasure step " + name());
            }
            delegate.execute(request);
            if (plan.get(name()) == Fault.CRASH) {
                plan.remove(name());
                throw new SimulatedCrash(name());
            }
        }
    }

    public static final class SimulatedCrash extends Error {
        SimulatedCrash(String where) {
            super("simulated crash in " + where);
        }
    }

    private record FaultyStep(OnboardingStep delegate) implements OnboardingStep {

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public int order() {
            return delegate.order();
        }

        @Override
        public void execute(Tenant tenant) {
            Fault fault = PLAN.getOrDefault(tenant.slug(), Map.of()).get(name());
            if (fault == Fault.FAIL) {
                throw new IllegalStateException("injected failure in step " + name());
            }
            if (fault == Fault.UNAVAILABLE) {
                PLAN.get(tenant.slug()).remove(name());
                throw new RetryLaterException("injected outage in step " + name(), null);
            }
            if (fault == Fault.CRASH) {
                PLAN.get(tenant.slug()).remove(name());
                throw new SimulatedCrash(name());
            }
            delegate.execute(tenant);
            EXECUTIONS.merge(tenant.slug() + "/" + name(), 1, Integer::sum);
        }

        @Override
        public void compensate(Tenant tenant) {
            delegate.compensate(tenant);
        }
    }
}
