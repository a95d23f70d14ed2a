package eu.selfdata.connectors.mqtt;

/**
 * Whether an MQTT CONNECT is a city's login on the embedded broker: username a city slug, that
 * city's password, and a client id of that city ({@code {city}_…}), so no account can open or
 * take over another city's session.
 */
enum CityLogin {
    ACCEPTED,
    BAD_CREDENTIALS,
    FOREIGN_CLIENT_ID;

    static CityLogin check(BrokerAccounts accounts, String username, String password, String clientId) {
        if (username == null || password == null) {
            return BAD_CREDENTIALS;
        }
        // The client id's city is a checked slug: only a slug reaches the accounts.
        if (!MqttClientId.parse(clientId).map(id -> id.city().equals(username)).orElse(false)) {
            return FOREIGN_CLIENT_ID;
        }
        return accounts.accepts(username, password) ? ACCEPTED : BAD_CREDENTIALS;
    }
}
