package eu.selfdata.tenant.personaldata;

import eu.selfdata.tenant.citydata.CityJdbc;
import eu.selfdata.tenant.modules.ModuleCatalogue;
import eu.selfdata.usecase.api.PersonalDataCopies;
import eu.selfdata.usecase.api.PersonalDataSource;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Every source of citizens' personal data: the modules' (all of them, enabled or not, as a module
 * switched off keeps what it stored) and the core's, in erasure order — modules first, the account last.
 */
@Component
public class PersonalDataCatalogue {

    private final ModuleCatalogue modules;
    private final List<PersonalDataSource> core;
    private final List<PersonalDataCopies> copies;
    private final CityJdbc city;

    PersonalDataCatalogue(
            ModuleCatalogue modules, List<PersonalDataSource> core, List<PersonalDataCopies> copies, CityJdbc city) {
        this.modules = modules;
        this.core = List.copyOf(core);
        this.copies = List.copyOf(copies);
        this.city = city;
    }

    /** What modules and connectors keep about citizens outside the sources' tables (files, dead letters...). */
    public List<PersonalDataCopies> copies() {
        return copies;
    }

    public List<PersonalDataSource> all() {
        return Stream.concat(modules.all().stream().flatMap(module -> module.personalData().stream()), core.stream())
                .toList();
    }

    /** Sources whose tables exist in the current city's schema (a module never enabled there has none). */
    public List<PersonalDataSource> presentHere() {
        List<String> existing = city.jdbc()
                .sql("select table_name from information_schema.tables where table_schema = current_schema()")
                .query(String.class)
                .list();
        return all().stream()
                .filter(source -> existing.containsAll(source.tables()))
                .toList();
    }
}
