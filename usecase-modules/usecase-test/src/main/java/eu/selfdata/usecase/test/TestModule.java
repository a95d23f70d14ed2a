package eu.selfdata.usecase.test;

import eu.selfdata.contract.ModuleId;
import java.util.List;

/**
 * The module the test cities enable, and the changelogs their schemas get: by default the module's
 * own at {@code db/{id}/changelog.xml}, as {@code UseCaseModule.tenantChangelog()} finds it.
 */
public record TestModule(String id, List<String> changelogs) {

    public TestModule {
        if (!ModuleId.isValid(id)) {
            throw new IllegalArgumentException("not a module id: " + id);
        }
        changelogs = List.copyOf(changelogs);
    }

    /** The module with its changelog at the default path. */
    public static TestModule of(String id) {
        return new TestModule(id, List.of("db/" + id + "/changelog.xml"));
    }
}
