package eu.selfdata.connectors.settings;

import eu.selfdata.usecase.api.LocalizedText;
import eu.selfdata.usecase.api.outbound.OutboundHost;
import java.util.Optional;

/** A server's host: a public DNS name or IP address (checked again after resolution when it is called). */
record HostSetting() implements SettingType<String> {

    @Override
    public String parse(String text) {
        return OutboundHost.normalise(text);
    }

    @Override
    public String format(String value) {
        return value;
    }

    @Override
    public Optional<String> host(String value) {
        return Optional.of(value);
    }

    @Override
    public LocalizedText rule() {
        return new LocalizedText(
                "le nom DNS ou l'adresse IP d'un serveur public", "a DNS name or IP address of a public server");
    }
}
