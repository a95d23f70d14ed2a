package eu.selfdata.connectors.settings;

import eu.selfdata.usecase.api.LocalizedText;

/** The SSH server's public host key, as {@code ssh-keyscan} prints it. */
record SshHostKeySetting() implements SettingType<SshHostKey> {

    @Override
    public SshHostKey parse(String text) {
        return SshHostKey.parse(text);
    }

    @Override
    public String format(SshHostKey value) {
        return value.toString();
    }

    @Override
    public LocalizedText rule() {
        return new LocalizedText(
                "la clé publique du serveur SSH, telle que ssh-keyscan l'affiche (ssh-ed25519 AAAA…)",
                "the SSH server's public host key as ssh-keyscan prints it (ssh-ed25519 AAAA…)");
    }

    @Override
    public Input input() {
        return Input.MULTILINE;
    }
}
