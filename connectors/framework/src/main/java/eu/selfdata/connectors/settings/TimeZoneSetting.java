package eu.selfdata.connectors.settings;

import eu.selfdata.usecase.api.LocalizedText;
import java.time.ZoneId;
import java.util.regex.Pattern;

/** A region time zone of the tz database, e.g. {@code Europe/Paris} (no fixed offsets: they miss summer time). */
record TimeZoneSetting() implements SettingType<ZoneId> {

    private static final Pattern REGION = Pattern.compile("^[A-Za-z]+(/[A-Za-z0-9_+-]{1,30}){1,2}$");

    @Override
    public ZoneId parse(String text) {
        if (!REGION.matcher(text).matches() || !ZoneId.getAvailableZoneIds().contains(text)) {
            throw new IllegalArgumentException("not a region time zone");
        }
        return ZoneId.of(text);
    }

    @Override
    public String format(ZoneId value) {
        return value.getId();
    }

    @Override
    public LocalizedText rule() {
        return new LocalizedText(
                "un fuseau horaire de la base tz, par exemple Europe/Paris",
                "a time zone of the tz database, e.g. Europe/Paris");
    }
}
