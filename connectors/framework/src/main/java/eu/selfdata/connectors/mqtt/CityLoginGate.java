package eu.selfdata.connectors.mqtt;

import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.nio.charset.StandardCharsets;
import org.apache.activemq.artemis.core.protocol.mqtt.MQTTInterceptor;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnection;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a CONNECT that is not a city's login ({@link CityLogin}) before Artemis reads it.
 * Artemis 2.43 records the client id of a CONNECT before checking the login, and its clean-up of
 * a refused connection removes the session state stored under that client id: anyone, even
 * without a password, could wipe a city's persistent session (its subscriptions) by naming its
 * client id. Refused here, the connection never carries the client id, and the clean-up touches
 * nothing. The client still gets its CONNACK (not authorized, or identifier rejected).
 */
class CityLoginGate implements MQTTInterceptor {

    private static final Logger log = LoggerFactory.getLogger(CityLoginGate.class);

    private final BrokerAccounts accounts;

    CityLoginGate(BrokerAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean intercept(MqttMessage packet, RemotingConnection connection) {
        if (packet.fixedHeader().messageType() != MqttMessageType.CONNECT) {
            return true;
        }
        MqttConnectMessage connect = (MqttConnectMessage) packet;
        byte[] password = connect.payload().passwordInBytes();
        CityLogin login = CityLogin.check(
                accounts,
                connect.payload().userName(),
                password == null ? null : new String(password, StandardCharsets.UTF_8),
                connect.payload().clientIdentifier());
        if (login == CityLogin.ACCEPTED) {
            return true;
        }
        log.info("MQTT login from {} refused: {}", connection.getRemoteAddress(), login);
        if (connection.getTransportConnection() instanceof NettyConnection netty) {
            boolean v5 = connect.variableHeader().version() == MqttVersion.MQTT_5.protocolLevel();
            MqttConnectReturnCode code = login == CityLogin.FOREIGN_CLIENT_ID
                    ? (v5
                            ? MqttConnectReturnCode.CONNECTION_REFUSED_CLIENT_IDENTIFIER_NOT_VALID
                            : MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED)
                    : (v5
                            ? MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED_5
                            : MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED);
            // On the connection's event loop: written before Artemis closes the connection.
            netty.getChannel()
                    .writeAndFlush(MqttMessageBuilders.connAck()
                            .returnCode(code)
                            .sessionPresent(false)
                            .build());
        }
        return false;
    }
}
