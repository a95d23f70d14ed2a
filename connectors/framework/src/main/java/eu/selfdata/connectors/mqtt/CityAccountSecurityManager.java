package eu.selfdata.connectors.mqtt;

import java.util.EnumSet;
import java.util.Set;
import javax.security.auth.Subject;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.apache.activemq.artemis.utils.CompositeAddress;

/**
 * The embedded broker's logins and rights, decided by code for any number of cities (no security
 * settings per city): a login is a city's ({@link CityLogin}, checked at each CONNECT by
 * {@link CityLoginGate} first), and the account may only touch its city's tree.
 * <p>
 * What Artemis 2.43's MQTT protocol asks (logged from a run with every kind of MQTT operation):
 * a publish to {@code lyon/bins/7/fill} (QoS 0, 1, 2, retained or not) is CREATE_ADDRESS and SEND
 * on the core address {@code lyon.bins.7.fill} ({@code /} becomes {@code .}, {@code +}
 * {@code *}, {@code #} stays); a subscription to {@code lyon/bins/+/fill} is CREATE_ADDRESS
 * {@code lyon.bins.*.fill}, then CREATE_DURABLE_QUEUE (persistent session) or
 * CREATE_NON_DURABLE_QUEUE (clean session) and CONSUME on
 * {@code lyon.bins.*.fill::{client id}.lyon.bins.*.fill} (a shared subscription's queue is
 * {@code {share name}.…}); an unsubscription is DELETE_*_QUEUE on that queue and DELETE_ADDRESS.
 * Retained messages, QoS 2 state and session state live in {@code $sys.mqtt.*} queues the broker
 * handles itself, unchecked. So an account is granted exactly those check types on addresses equal
 * to its slug or under {@code {slug}.}, with queues named {@code {slug}_…}; everything else
 * (management, browsing, other trees, {@code #}) is refused.
 */
class CityAccountSecurityManager implements ActiveMQSecurityManager5 {

    private static final Set<CheckType> MQTT_NEEDS = EnumSet.of(
            CheckType.SEND,
            CheckType.CONSUME,
            CheckType.CREATE_ADDRESS,
            CheckType.CREATE_DURABLE_QUEUE,
            CheckType.CREATE_NON_DURABLE_QUEUE,
            CheckType.DELETE_DURABLE_QUEUE,
            CheckType.DELETE_NON_DURABLE_QUEUE,
            CheckType.DELETE_ADDRESS);

    private final BrokerAccounts accounts;
    private final char delimiter;

    CityAccountSecurityManager(BrokerAccounts accounts, char delimiter) {
        this.accounts = accounts;
        this.delimiter = delimiter;
    }

    /** @return the city's subject, or null (refused) when it is not a city's login */
    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        String clientId = connection == null ? null : connection.getClientID();
        if (CityLogin.check(accounts, user, password, clientId) != CityLogin.ACCEPTED) {
            return null;
        }
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        return subject;
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        String city = getUserFromSubject(subject);
        if (city == null || !MQTT_NEEDS.contains(checkType)) {
            return false;
        }
        String bareAddress = CompositeAddress.extractAddressName(address);
        boolean inTree = bareAddress.equals(city) || bareAddress.startsWith(city + delimiter);
        return inTree
                && (!CompositeAddress.isFullyQualified(address)
                        || CompositeAddress.extractQueueName(address).startsWith(city + "_"));
    }

    /** Not used by Artemis for an {@link ActiveMQSecurityManager5}; refuses. */
    @Override
    public boolean validateUser(String user, String password) {
        return false;
    }

    /** Not used by Artemis for an {@link ActiveMQSecurityManager5}; refuses. */
    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return false;
    }
}
