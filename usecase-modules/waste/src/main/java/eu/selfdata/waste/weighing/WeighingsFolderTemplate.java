package eu.selfdata.waste.weighing;

import eu.selfdata.connectors.ConnectorInstance;
import eu.selfdata.connectors.DeadLetter;
import eu.selfdata.connectors.folders.CityFolders;
import eu.selfdata.connectors.folders.DropFolder;
import eu.selfdata.connectors.settings.RelativePath;
import eu.selfdata.connectors.settings.Setting;
import eu.selfdata.connectors.settings.SettingTypes;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.apache.camel.Endpoint;

/**
 * {@code waste-weighings-csv}: the operator drops {@code *.csv} files in the {@code inbox/} of the
 * city's weighings folder (writing them under another name first, then renaming); each goes to
 * {@code done/} once imported, or to {@code failed/} when it could not be read. The folder is the
 * city's: the admin may only choose its name below the city's folder.
 */
public class WeighingsFolderTemplate extends WeighingsTemplate {

    public static final String ID = "waste-weighings-csv";
    public static final Setting<RelativePath> FOLDER = Setting.of(
            "folder",
            SettingTypes.relativePath(),
            RelativePath.parse("waste-weighings"),
            "Dossier de dépôt (dans celui de la ville)",
            "Drop folder (inside the city's)");
    static final Setting<Duration> POLL = pollInterval(Duration.ofSeconds(2));

    private final CityFolders folders;

    public WeighingsFolderTemplate(WeighingImport weighingImport, CityFolders folders) {
        super(ID, weighingImport);
        this.folders = folders;
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(FOLDER, ENCODING, DELIMITER, ZONE, POLL);
    }

    @Override
    protected Endpoint source(ConnectorInstance instance, String uri) {
        return dropFolder(instance).source(getContext(), uri, CSV, instance.get(POLL));
    }

    @Override
    public OptionalLong backlog(ConnectorInstance instance) {
        return OptionalLong.of(dropFolder(instance).backlog(CSV));
    }

    @Override
    protected void replayFile(ConnectorInstance instance, DeadLetter letter) {
        dropFolder(instance).replay(letter.source());
    }

    private DropFolder dropFolder(ConnectorInstance instance) {
        return folders.dropFolder(instance.city(), instance.get(FOLDER));
    }
}
