package eu.selfdata.tenant.modules;

import eu.selfdata.contract.problem.PlatformProblem;
import eu.selfdata.tenant.problem.ProblemType;
import eu.selfdata.tenant.registry.ServedTenants;
import eu.selfdata.tenant.registry.Tenant;
import eu.selfdata.tenant.tenancy.TenantContext;
import eu.selfdata.usecase.api.CityIndicator;
import eu.selfdata.usecase.api.CommonProblems;
import eu.selfdata.usecase.api.UseCaseModule;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The use-case modules this service found on its classpath, and which of them a city enabled. The
 * service does not start with two modules of one id, two indicators of one id (a module reads a
 * publication by the indicator's id), or with a problem type a module declares with another title or
 * status than the platform's or another module's.
 */
@Component
public class ModuleCatalogue {

    private final List<UseCaseModule> modules;
    private final ServedTenants tenants;

    ModuleCatalogue(List<UseCaseModule> modules, ServedTenants tenants) {
        this.modules = List.copyOf(modules);
        this.tenants = tenants;
        oneModulePerId(this.modules);
        oneIndicatorPerId(this.modules);
        oneMeaningPerProblemType(this.modules);
    }

    static void oneModulePerId(List<UseCaseModule> modules) {
        Set<String> ids = new HashSet<>();
        modules.stream()
                .map(UseCaseModule::id)
                .filter(id -> !ids.add(id))
                .findFirst()
                .ifPresent(id -> {
                    throw new IllegalStateException("two use-case modules have the id " + id);
                });
    }

    static void oneIndicatorPerId(List<UseCaseModule> modules) {
        Set<String> ids = new HashSet<>();
        modules.stream()
                .flatMap(module -> module.cityIndicators().stream())
                .map(CityIndicator::id)
                .filter(id -> !ids.add(id))
                .findFirst()
                .ifPresent(id -> {
                    throw new IllegalStateException("two city indicators have the id " + id);
                });
    }

    /** A client switching on a problem type gets one meaning, whoever answers it. */
    static void oneMeaningPerProblemType(List<UseCaseModule> modules) {
        Map<String, PlatformProblem.Definition> meanings = new HashMap<>();
        Stream.concat(Stream.of(ProblemType.values()), CommonProblems.ALL.stream())
                .forEach(problem -> meanings.put(problem.typeName(), problem.definition()));
        for (UseCaseModule module : modules) {
            for (PlatformProblem problem : module.problems()) {
                PlatformProblem.Definition known = meanings.putIfAbsent(problem.typeName(), problem.definition());
                if (known != null && !known.equals(problem.definition())) {
                    throw new IllegalStateException("module " + module.id() + " gives the problem type "
                            + problem.typeName() + " another meaning than the platform: " + problem.definition()
                            + " against " + known);
                }
            }
        }
    }

    /** Every module, enabled or not: a module switched off keeps the citizens' rows it stored. */
    public List<UseCaseModule> all() {
        return modules;
    }

    public Optional<UseCaseModule> find(String id) {
        return modules.stream().filter(module -> module.id().equals(id)).findFirst();
    }

    /** Modules enabled by the city in context. */
    public List<UseCaseModule> enabledHere() {
        Set<String> enabled = tenants.find(TenantContext.require().slug())
                .map(Tenant::enabledModules)
                .orElse(Set.of());
        return modules.stream().filter(module -> enabled.contains(module.id())).toList();
    }

    public boolean isEnabledHere(String id) {
        return enabledHere().stream().anyMatch(module -> module.id().equals(id));
    }
}
