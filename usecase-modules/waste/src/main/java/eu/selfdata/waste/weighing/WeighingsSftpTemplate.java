package eu.selfdata.waste.weighing;

import eu.selfdata.connectors.ConnectorInstance;
import eu.selfdata.connectors.ConnectorSettings;
import eu.selfdata.connectors.DeadLetter;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;

import java.util.Map;
import java.util.Set;

/**
 * {@code waste-weighings-sftp}: the same import, reading the operator's SFTP folder; files are
 * moved to {@code done/} or {@code failed/} beside it on the server, and streamed through a local
 * work folder rather than memory. Off until the city admin gives the server.
 */
public class WeighingsSftpTemplate extends WeighingsTemplate {

    public static final String ID = "waste-weighings-sftp";

    public WeighingsSftpTemplate(WeighingImport weighingImport, ConnectorSettings settings) {
        super(ID, weighingImport, settings);
    }

    @Override
    public boolean enabledByDefault() {
        return false;
    }

    @Override
    public Set<String> secretParameters() {
        return Set.of("password");
    }

    @Override
    public Map<String, String> defaults(String city) {
        return Map.ofEntries(
                Map.entry("host", "sftp.operator.invalid"),
                Map.entry("port", "22"),
                Map.entry("username", city),
                Map.entry("password", "change-me"),
                Map.entry("directory", "weighings"),
                Map.entry("strictHostKeyChecking", "yes"),
                Map.entry("knownHostsFile", settings().dropDirectory(city, "waste-weighings-sftp", "known_hosts").toString()),
                Map.entry("workDirectory", settings().dropDirectory(city, "waste-weighings-sftp", "work").toString()),
                Map.entry(ENCODING, "UTF-8"),
                Map.entry(DELIMITER, ","),
                Map.entry(ZONE, "Europe/Paris"),
                Map.entry("pollDelayMs", "10000"));
    }

    @Override
    protected RouteDefinition source(RouteTemplateDefinition template) {
        return template.from("sftp://{{host}}:{{port}}/{{directory}}?username={{username}}&password=RAW({{password}})"
                + "&strictHostKeyChecking={{strictHostKeyChecking}}&knownHostsFile={{knownHostsFile}}&useUserKnownHostsFile=false"
                + "&include=.*\\.csv&binary=true&delay={{pollDelayMs}}&localWorkDirectory={{workDirectory}}"
                + "&move=done/${file:name}&moveFailed=failed/${file:name}&throwExceptionOnConnectFailed=true");
    }

    @Override
    protected void replayFile(ConnectorInstance instance, DeadLetter letter) {
        throw new UnsupportedOperationException("the file is in the failed folder of the operator's SFTP server: move it back there");
    }
}
