package eu.selfdata.waste.weighing;

import eu.selfdata.connectors.ConnectorInstance;
import eu.selfdata.connectors.DeadLetter;
import eu.selfdata.connectors.folders.CityFolders;
import eu.selfdata.connectors.outbound.OutboundGuard;
import eu.selfdata.connectors.settings.RelativePath;
import eu.selfdata.connectors.settings.Secret;
import eu.selfdata.connectors.settings.Setting;
import eu.selfdata.connectors.settings.SettingTypes;
import eu.selfdata.connectors.settings.SshHostKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.camel.Endpoint;
import org.apache.camel.component.file.remote.SftpComponent;
import org.apache.camel.component.file.remote.SftpConfiguration;
import org.apache.camel.component.file.remote.SftpEndpoint;

/**
 * {@code waste-weighings-sftp}: the same import, reading a folder of the operator's SFTP server;
 * files are moved to {@code done/} or {@code failed/} beside it on the server, and streamed through
 * a local work folder of the city's rather than memory. The server must prove the host key the
 * admin gave (no trust on first use), and is reached only at an address the outbound guard allows
 * for the city. Off until the city admin gives the server.
 */
public class WeighingsSftpTemplate extends WeighingsTemplate {

    public static final String ID = "waste-weighings-sftp";
    static final Setting<String> HOST =
            Setting.required("host", SettingTypes.host(), "Serveur SFTP de l'opérateur", "Operator's SFTP server");
    static final Setting<Integer> PORT = Setting.of("port", SettingTypes.port(), 22, "Port SSH", "SSH port");
    static final Setting<String> USERNAME =
            Setting.required("username", SettingTypes.accountName(), "Compte SFTP", "SFTP account");
    static final Setting<Secret> PASSWORD =
            Setting.required("password", SettingTypes.secret(), "Mot de passe SFTP", "SFTP password");
    static final Setting<SshHostKey> HOST_KEY = Setting.required(
            "hostKey", SettingTypes.sshHostKey(), "Clé publique du serveur", "Server's public host key");
    static final Setting<RelativePath> DIRECTORY = Setting.of(
            "directory",
            SettingTypes.relativePath(),
            RelativePath.parse("weighings"),
            "Dossier sur le serveur (depuis le dossier du compte)",
            "Folder on the server (from the account's home)");
    static final Setting<Duration> POLL = pollInterval(Duration.ofSeconds(10));
    private static final RelativePath WORK = RelativePath.parse(ID + "/work");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final CityFolders folders;
    private final OutboundGuard outbound;

    public WeighingsSftpTemplate(WeighingImport weighingImport, CityFolders folders, OutboundGuard outbound) {
        super(ID, weighingImport);
        this.folders = folders;
        this.outbound = outbound;
    }

    @Override
    public boolean enabledByDefault() {
        return false;
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(HOST, PORT, USERNAME, PASSWORD, HOST_KEY, DIRECTORY, ENCODING, DELIMITER, ZONE, POLL);
    }

    @Override
    protected Endpoint source(ConnectorInstance instance, String uri) {
        SftpConfiguration server = new SftpConfiguration();
        server.setProtocol("sftp");
        server.setHost(instance.get(HOST));
        server.setPort(instance.get(PORT));
        server.setUsername(instance.get(USERNAME));
        server.setPassword(instance.get(PASSWORD).value());
        server.setDirectory(instance.get(DIRECTORY).toString());
        server.setBinary(true);
        server.setStrictHostKeyChecking("yes");
        server.setUseUserKnownHostsFile(false);
        server.setAutoCreateKnownHostsFile(false);
        server.setKnownHosts(instance.get(HOST_KEY)
                .knownHostsLine(instance.get(HOST), instance.get(PORT))
                .getBytes(StandardCharsets.US_ASCII));
        server.setConnectTimeout((int) TIMEOUT.toMillis());
        server.setTimeout((int) TIMEOUT.toMillis());
        server.setThrowExceptionOnConnectFailed(true);
        SftpEndpoint endpoint = new SftpEndpoint(uri, getContext().getComponent("sftp", SftpComponent.class), server);
        endpoint.setInclude(CSV.pattern());
        endpoint.setDelay(instance.get(POLL).toMillis());
        endpoint.setLocalWorkDirectory(folders.folder(instance.city(), WORK).toString());
        endpoint.setMove("done/${file:name}");
        endpoint.setMoveFailed("failed/${file:name}");
        endpoint.setProxy(outbound.sshProxy(instance.city()));
        return endpoint;
    }

    @Override
    protected void replayFile(ConnectorInstance instance, DeadLetter letter) {
        throw new UnsupportedOperationException(
                "the file is in the failed folder of the operator's SFTP server: move it back there");
    }
}
