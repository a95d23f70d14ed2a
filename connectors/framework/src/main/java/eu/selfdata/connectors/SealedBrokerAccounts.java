package eu.selfdata.connectors;

import eu.selfdata.connectors.mqtt.BrokerAccounts;
import eu.selfdata.contract.CitySlug;
import eu.selfdata.connectors.mqtt.MqttSource;
import eu.selfdata.connectors.settings.SecretBox;

import java.util.Optional;

/**
 * The cities' broker accounts from their sealed connector secrets: the password is the setting
 * {@value MqttSource#PASSWORD_SETTING} of the city's MQTT connector. Only an active city has an
 * account: a suspended or offboarded city's sensors and subscriptions are refused at their next login.
 */
class SealedBrokerAccounts implements BrokerAccounts {

    private final CityJdbc jdbc;
    private final SecretBox secrets;
    private final CityDirectory cities;

    SealedBrokerAccounts(CityJdbc jdbc, SecretBox secrets, CityDirectory cities) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.cities = cities;
    }

    @Override
    public Optional<String> password(String city) {
        if (!CitySlug.isValid(city) || !cities.activeCitiesWithModules().containsKey(city) || !hasSecrets(city)) {
            return Optional.empty();
        }
        return jdbc.inCity(city, client -> client.sql("""
                        select template, ciphertext from connector_secret where name = :name order by updated_at desc limit 1""")
                .param("name", MqttSource.PASSWORD_SETTING)
                .query((rs, row) -> secrets.open(city, rs.getString(1), MqttSource.PASSWORD_SETTING, rs.getBytes(2)).value())
                .optional());
    }

    private boolean hasSecrets(String city) {
        return jdbc.unscoped().sql("select to_regclass(:table) is not null")
                .param("table", new CitySchema(city).quoted() + ".connector_secret").query(Boolean.class).single();
    }
}
