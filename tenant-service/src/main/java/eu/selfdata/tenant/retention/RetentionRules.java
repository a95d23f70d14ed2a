package eu.selfdata.tenant.retention;

import eu.selfdata.tenant.citydata.CityJdbc;
import eu.selfdata.tenant.modules.ModuleCatalogue;
import eu.selfdata.usecase.api.RetentionRule;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every retention rule: the modules' (enabled or not: a module switched off keeps what it stored until its
 * rules purge it) and the host's beans (the connector framework's, inactive accounts). Ids are unique.
 */
@Component
class RetentionRules {

    private final List<RetentionRule> rules;
    private final CityJdbc city;

    RetentionRules(ModuleCatalogue modules, ObjectProvider<RetentionRule> hostRules, CityJdbc city) {
        this.rules = Stream.concat(
                        modules.all().stream().flatMap(module -> module.retentionRules().stream()),
                        hostRules.orderedStream())
                .toList();
        this.city = city;
        Set<String> ids = new HashSet<>();
        rules.stream()
                .map(RetentionRule::id)
                .filter(id -> !ids.add(id))
                .findFirst()
                .ifPresent(id -> {
                    throw new IllegalStateException("two retention rules have the id " + id);
                });
    }

    /** Rules whose tables exist in the current city's schema. */
    List<RetentionRule> presentHere() {
        List<String> existing = city.jdbc()
                .sql("select table_name from information_schema.tables where table_schema = current_schema()")
                .query(String.class)
                .list();
        return rules.stream()
                .filter(rule -> existing.containsAll(rule.tables()))
                .toList();
    }

    Optional<RetentionRule> presentHere(String id) {
        return presentHere().stream().filter(rule -> rule.id().equals(id)).findFirst();
    }
}
