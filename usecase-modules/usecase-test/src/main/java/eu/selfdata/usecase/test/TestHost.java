package eu.selfdata.usecase.test;

import eu.selfdata.usecase.api.CityAggregates;
import eu.selfdata.usecase.api.CityIndicator;
import eu.selfdata.usecase.api.IndicatorResult;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rest of the fake host in a test application, next to the {@link TestCities} bean it declares
 * for its module ({@code @Import(TestHost.class)}): consents, the access log, mail to citizens (kept in
 * memory), the outbound allow-list and city aggregates, which only tenant-service computes (they refuse here).
 */
@Configuration(proxyBeanMethods = false)
public class TestHost {

    @Bean
    TestMail testMail() {
        return new TestMail();
    }

    @Bean
    TestConsents testConsents() {
        return new TestConsents();
    }

    @Bean
    TestAccessLog testAccessLog(TestCities cities) {
        return new TestAccessLog(cities);
    }

    @Bean
    TestAllowList testAllowList() {
        return new TestAllowList();
    }

    @Bean
    CityAggregates testCityAggregates() {
        return new CityAggregates() {
            @Override
            public Optional<IndicatorResult> published(CityIndicator indicator) {
                throw new IllegalStateException("indicators are computed by tenant-service and tested there");
            }

            @Override
            public int minGroupSize() {
                throw new IllegalStateException("indicators are computed by tenant-service and tested there");
            }
        };
    }
}
