package eu.selfdata.tenant.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.modules.ModuleCatalogue;
import eu.selfdata.tenant.support.SelfDataTest;
import eu.selfdata.tenant.tenancy.TenantId;
import eu.selfdata.usecase.api.PersonalDataSource;
import eu.selfdata.usecase.api.UseCaseModule;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No table about citizens may escape export and erasure, whoever adds it later (the erasure saga's own journal
 * aside: its last step empties it). Copies outside such tables: {@code EveryCopyDeclaredTest}.
 */
class PersonalDataCoverageTest extends SelfDataTest {

    @Autowired
    ModuleCatalogue modules;

    @Autowired
    PersonalDataCatalogue catalogue;

    @Test
    void everyTableWithACitizenColumnIsExportedAndErasedBySomeSource() {
        List<String> everyModule = modules.all().stream().map(UseCaseModule::id).toList();
        String city = onboard(freshSlug("everything"), "Every module", everyModule);

        List<String> aboutCitizens = database()
                .sql("""
                        select distinct table_name from information_schema.columns
                         where table_schema = ? and column_name = 'citizen_id' and table_name <> 'erasure'""")
                .param(TenantId.of(city).schemaName())
                .query(String.class)
                .list();
        Set<String> covered = catalogue.all().stream()
                .flatMap(source -> source.tables().stream())
                .collect(Collectors.toSet());

        assertThat(aboutCitizens).isNotEmpty().contains("observation", "consent", "access_log");
        assertThat(covered).containsAll(aboutCitizens).contains("citizen");
    }

    @Test
    void categoryIdsAreUniqueSoExportFilesNeverOverwriteEachOther() {
        List<String> ids = catalogue.all().stream()
                .map(PersonalDataSource::category)
                .map(category -> category.id())
                .toList();

        assertThat(ids).doesNotHaveDuplicates();
    }
}
