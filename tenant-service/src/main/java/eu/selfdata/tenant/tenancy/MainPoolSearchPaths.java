package eu.selfdata.tenant.tenancy;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * The service's DataSource, which every platform component, Hibernate and the actuator borrow from,
 * seen through a {@link SearchPathPool}: pooled connections keep a city's path when given back, so
 * a borrower of no city must get the default path restored first.
 */
@Component
class MainPoolSearchPaths implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource pool && !(bean instanceof SearchPathPool) ? new SearchPathPool(pool) : bean;
    }
}
