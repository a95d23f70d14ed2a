package eu.selfdata.connectors.hostile;

import eu.selfdata.connectors.ConnectorInstance;
import eu.selfdata.connectors.ConnectorTemplate;
import eu.selfdata.connectors.folders.CityFolders;
import eu.selfdata.connectors.settings.RelativePath;
import eu.selfdata.connectors.settings.Secret;
import eu.selfdata.connectors.settings.Setting;
import eu.selfdata.connectors.settings.SettingTypes;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.camel.Endpoint;
import org.apache.camel.model.RouteDefinition;

/** A template with a setting of every type, reading a drop folder and noting which city took which file. */
class ProbeTemplate extends ConnectorTemplate {

    static final String ID = "probe-drop";
    static final Setting<RelativePath> FOLDER =
            Setting.of("folder", SettingTypes.relativePath(), RelativePath.parse("probe"), "Dossier", "Folder");
    static final Setting<Duration> POLL = Setting.of(
            "pollInterval",
            SettingTypes.duration(Duration.ofSeconds(1), Duration.ofHours(1)),
            Duration.ofSeconds(1),
            "Relève",
            "Poll");
    static final Setting<URI> URL =
            Setting.of("url", SettingTypes.publicUrl(), URI.create("https://data.example/feed"), "Adresse", "Address");
    static final Setting<String> HOST = Setting.of("host", SettingTypes.host(), "sftp.example", "Serveur", "Server");
    static final Setting<Integer> PORT = Setting.of("port", SettingTypes.port(), 22, "Port", "Port");
    static final Setting<String> ACCOUNT =
            Setting.of("account", SettingTypes.accountName(), "operator", "Compte", "Account");
    static final Setting<Secret> PASSWORD =
            Setting.required("password", SettingTypes.secret(), "Mot de passe", "Password");
    static final Setting<String> FIELD = Setting.of("field", SettingTypes.fieldName(), "street", "Champ", "Field");
    static final Setting<ZoneId> ZONE =
            Setting.of("zone", SettingTypes.timeZone(), ZoneId.of("Europe/Paris"), "Fuseau", "Zone");
    static final Setting<Charset> ENCODING =
            Setting.of("encoding", SettingTypes.charset(), StandardCharsets.UTF_8, "Encodage", "Charset");
    static final Setting<Character> DELIMITER =
            Setting.of("delimiter", SettingTypes.choice(Map.of(",", ',', ";", ';')), ',', "Séparateur", "Delimiter");
    private static final Pattern FILES = Pattern.compile("^[^/]*\\.txt$");

    private final CityFolders folders;
    /** Files taken in, as {@code {city}/{file name}}. */
    final Set<String> taken = ConcurrentHashMap.newKeySet();

    ProbeTemplate(CityFolders folders) {
        this.folders = folders;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String moduleId() {
        return ProbeHost.MODULE;
    }

    @Override
    public boolean enabledByDefault() {
        return false;
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(FOLDER, POLL, URL, HOST, PORT, ACCOUNT, PASSWORD, FIELD, ZONE, ENCODING, DELIMITER);
    }

    @Override
    protected Endpoint source(ConnectorInstance instance, String uri) {
        return folders.dropFolder(instance.city(), instance.get(FOLDER))
                .source(getContext(), uri, FILES, instance.get(POLL));
    }

    @Override
    protected void steps(RouteDefinition route) {
        route.process(exchange ->
                taken.add(instance(exchange).city() + "/" + exchange.getIn().getHeader("CamelFileName", String.class)));
    }
}
