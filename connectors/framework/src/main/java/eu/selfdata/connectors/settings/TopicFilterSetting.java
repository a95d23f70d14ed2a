package eu.selfdata.connectors.settings;

import eu.selfdata.usecase.api.LocalizedText;

/** An MQTT topic filter the platform subscribes to under the city's own tree. */
record TopicFilterSetting() implements SettingType<TopicFilter> {

    @Override
    public TopicFilter parse(String text) {
        return new TopicFilter(text);
    }

    @Override
    public String format(TopicFilter value) {
        return value.relative();
    }

    @Override
    public LocalizedText rule() {
        return new LocalizedText(
                "un filtre MQTT sous l'arbre de la ville : 1 à " + TopicFilter.MAX_LEVELS
                        + " niveaux de lettres, chiffres, _ - ou +, # seulement à la fin",
                "an MQTT filter under the city's tree: 1 to " + TopicFilter.MAX_LEVELS
                        + " levels of letters, digits, _ - or +, # only last");
    }
}
