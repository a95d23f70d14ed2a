package eu.selfdata.connectors.replicas;

import eu.selfdata.connectors.ConnectorInstance;
import eu.selfdata.connectors.ConnectorTemplate;
import eu.selfdata.connectors.folders.CityFolders;
import eu.selfdata.connectors.settings.RelativePath;
import eu.selfdata.connectors.settings.Setting;
import eu.selfdata.connectors.settings.SettingTypes;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.camel.Endpoint;
import org.apache.camel.model.RouteDefinition;

/**
 * A drop-folder template whose files say how they end: {@code ok} goes through, anything else fails
 * at once with the file's text as the exception's message.
 */
class ScriptedTemplate extends ConnectorTemplate {

    static final String ID = "scripted-drop";
    static final Setting<RelativePath> FOLDER =
            Setting.of("folder", SettingTypes.relativePath(), RelativePath.parse("scripted"), "Dossier", "Folder");
    private static final Pattern FILES = Pattern.compile("^[^/]*\\.txt$");

    private final CityFolders folders;

    ScriptedTemplate(CityFolders folders) {
        this.folders = folders;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String moduleId() {
        return ReplicaHost.MODULE;
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(FOLDER);
    }

    @Override
    protected List<Class<? extends Exception>> permanentFailures() {
        return List.of(IllegalArgumentException.class);
    }

    @Override
    protected Endpoint source(ConnectorInstance instance, String uri) {
        return folders.dropFolder(instance.city(), instance.get(FOLDER))
                .source(getContext(), uri, FILES, Duration.ofMillis(200));
    }

    @Override
    protected void steps(RouteDefinition route) {
        route.process(exchange -> {
            String text = exchange.getIn().getBody(String.class).trim();
            if (!text.equals("ok")) {
                throw new IllegalArgumentException(text);
            }
        });
    }
}
