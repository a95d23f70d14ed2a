package eu.selfdata.connectors.settings;

import eu.selfdata.usecase.api.LocalizedText;

/** A folder below the root the platform gives (see {@link RelativePath}). */
record RelativePathSetting() implements SettingType<RelativePath> {

    @Override
    public RelativePath parse(String text) {
        return RelativePath.parse(text);
    }

    @Override
    public String format(RelativePath value) {
        return value.toString();
    }

    @Override
    public LocalizedText rule() {
        return new LocalizedText(
                "un dossier relatif : 1 à " + RelativePath.MAX_SEGMENTS
                        + " noms (lettres, chiffres, . _ -) séparés par /, sans .. ni / au début",
                "a relative folder: 1 to " + RelativePath.MAX_SEGMENTS
                        + " names (letters, digits, . _ -) separated by /, no .. nor leading /");
    }
}
