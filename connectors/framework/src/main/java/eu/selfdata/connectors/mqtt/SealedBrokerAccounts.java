package eu.selfdata.connectors.mqtt;

import eu.selfdata.connectors.ConnectorConfigs;
import eu.selfdata.connectors.settings.SecretBox;
import eu.selfdata.contract.CitySlug;
import eu.selfdata.usecase.api.CityDirectory;
import eu.selfdata.usecase.api.CityTransactions;
import java.util.Optional;

/**
 * The cities' broker accounts from their sealed connector secrets: the password is the setting
 * {@value MqttSource#PASSWORD_SETTING} of the city's MQTT connector. Only an active city has an
 * account: a suspended or offboarded city's sensors and subscriptions are refused at their next login.
 */
class SealedBrokerAccounts implements BrokerAccounts {

    private final CityTransactions jdbc;
    private final SecretBox secrets;
    private final CityDirectory cities;
    private final ConnectorConfigs configs;

    SealedBrokerAccounts(CityTransactions jdbc, SecretBox secrets, CityDirectory cities, ConnectorConfigs configs) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.cities = cities;
        this.configs = configs;
    }

    @Override
    public Optional<String> password(String city) {
        if (!CitySlug.isValid(city) || !cities.activeCitiesWithModules().containsKey(city) || !configs.ready(city)) {
            return Optional.empty();
        }
        return jdbc.call(
                city,
                client -> client.sql("""
                        select template, ciphertext from connector_secret where name = :name order by updated_at desc limit 1""")
                        .param("name", MqttSource.PASSWORD_SETTING)
                        .query((rs, row) -> secrets.open(
                                        city, rs.getString(1), MqttSource.PASSWORD_SETTING, rs.getBytes(2))
                                .value())
                        .optional());
    }
}
