package eu.selfdata.usecase.api;

import java.util.List;
import java.util.regex.Pattern;

/** Where a {@link PersonalDataCopies} keeps citizens' data. */
public sealed interface CopyLocation {

    /** The placeholder a {@link Files} name pattern holds for the citizen's id. */
    String CITIZEN = "{citizen}";

    /**
     * Files below the city's connector folder, in any of {@code folders} (last path segments, e.g.
     * {@code done}), whose name matches {@code namePattern} once {@value #CITIZEN} is replaced by the quoted id.
     */
    record Files(List<String> folders, String namePattern) implements CopyLocation {
        public Files {
            folders = List.copyOf(folders);
            if (folders.isEmpty() || !namePattern.contains(CITIZEN)) {
                throw new IllegalArgumentException("files are declared by folder and a name pattern with " + CITIZEN);
            }
        }

        /** Whether a file of that folder and name is this location's copy for the citizen. */
        public boolean holds(String folder, String name, CitizenId citizen) {
            return folders.contains(folder)
                    && Pattern.compile(namePattern.replace(CITIZEN, Pattern.quote(citizen.toString())))
                            .matcher(name)
                            .matches();
        }
    }

    /** A column of the city schema (text or JSON) whose values may carry the citizen's id inside them. */
    record Column(String table, String column) implements CopyLocation {}
}
