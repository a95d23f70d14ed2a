package eu.selfdata.mobility.connector;

import eu.selfdata.connectors.folders.CityFolders;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.CopyLocation;
import eu.selfdata.usecase.api.PersonalDataCopies;
import java.util.List;

/**
 * The raw trace files of {@link TraceDropTemplate}: named {@code {citizen id}_…}, they stay in the drop folder's
 * {@code done/} (prefixed with the time they were taken in), {@code failed/} or, not yet taken in, {@code inbox/}.
 * Erased in whatever folder below the city's they are, as the admin may have renamed the drop folder since.
 */
public class TraceFileCopies implements PersonalDataCopies {

    static final CopyLocation.Files FILES = new CopyLocation.Files(
            List.of("inbox", "done", "failed"), "(?i)([0-9]{17}-)?" + CopyLocation.CITIZEN + "_.*");

    private final CityFolders folders;
    private final CityDatabase database;

    public TraceFileCopies(CityFolders folders, CityDatabase database) {
        this.folders = folders;
        this.database = database;
    }

    @Override
    public List<CopyLocation> locations() {
        return List.of(FILES);
    }

    @Override
    public void erase(CitizenId citizen) {
        folders.deleteFiles(database.city(), (folder, name) -> FILES.holds(folder, name, citizen));
    }
}
