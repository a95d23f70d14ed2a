package eu.selfdata.tenant.outbound;

import eu.selfdata.tenant.registry.TenantRegistry;
import eu.selfdata.usecase.api.CommonProblems;
import eu.selfdata.usecase.api.outbound.OutboundAllowList;
import eu.selfdata.usecase.api.outbound.OutboundHost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hosts the coordinator allow-listed for each city's connectors ({@code platform.city_outbound_host}),
 * which the connectors' outbound guard reads at each check ({@link OutboundAllowList}): an entry lets
 * that city, and no other, reach a host that resolves to a non-public address. Replacing the list
 * keeps who added an entry that stays.
 */
@Service
public class OutboundHostLists implements OutboundAllowList {

    public static final int MAX_HOSTS = 50;
    /** tenant_event.detail holds 2000 characters; 50 long names would not fit. */
    private static final int EVENT_DETAIL = 2000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TenantRegistry registry;

    OutboundHostLists(DataSource dataSource, TenantRegistry registry) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.registry = registry;
    }

    /** @param port null: every port */
    public record Entry(String host, Integer port, Instant addedAt, String addedBy) {}

    /** @throws UnknownTenantException for an unknown city */
    public List<Entry> list(String city) {
        registry.get(city);
        return jdbc.sql("""
                        select host, port, added_at, added_by from platform.city_outbound_host
                         where city = :city order by host, port nulls first""")
                .param("city", city)
                .query((rs, row) -> new Entry(
                        rs.getString(1),
                        (Integer) rs.getObject(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4)))
                .list();
    }

    /** The city's entries as the guard reads them; none for an unknown city. */
    @Override
    public List<OutboundHost> hosts(String city) {
        return jdbc.sql("select host, port from platform.city_outbound_host where city = :city")
                .param("city", city)
                .query((rs, row) -> new OutboundHost(rs.getString(1), (Integer) rs.getObject(2)))
                .list();
    }

    /**
     * Makes {@code hosts} ({@code name}, {@code name:port}, IP literals, {@code [IPv6]:port}) the
     * city's whole list, or changes nothing when one of them is invalid.
     *
     * @throws org.springframework.web.ErrorResponseException 400 {@code invalid-request} naming the value
     */
    public List<Entry> replace(String city, List<String> hosts, String coordinator) {
        registry.get(city);
        Set<OutboundHost> wanted = parse(hosts);
        transactions.executeWithoutResult(status -> {
            List<OutboundHost> kept = new ArrayList<>();
            for (OutboundHost host : hosts(city)) {
                if (wanted.contains(host)) {
                    kept.add(host);
                } else {
                    jdbc.sql(
                                    "delete from platform.city_outbound_host where city = :city and host = :host and port is not distinct from :port")
                            .param("city", city)
                            .param("host", host.host())
                            .param("port", host.port())
                            .update();
                }
            }
            wanted.stream()
                    .filter(host -> !kept.contains(host))
                    .forEach(host -> jdbc.sql("""
                            insert into platform.city_outbound_host (city, host, port, added_by) values (:city, :host, :port, :by)
                            on conflict do nothing""")
                            .param("city", city)
                            .param("host", host.host())
                            .param("port", host.port())
                            .param("by", coordinator)
                            .update());
        });
        String detail = wanted.isEmpty()
                ? "(none)"
                : wanted.stream().map(OutboundHost::toString).collect(Collectors.joining(" "));
        registry.recordEvent(
                city,
                "OUTBOUND_HOSTS_SET",
                detail.length() > EVENT_DETAIL ? detail.substring(0, EVENT_DETAIL - 1) + "…" : detail);
        return list(city);
    }

    private static Set<OutboundHost> parse(List<String> hosts) {
        if (hosts == null) {
            throw CommonProblems.INVALID_REQUEST.exception("hosts is a list of host or host:port");
        }
        if (hosts.size() > MAX_HOSTS) {
            throw CommonProblems.INVALID_REQUEST.exception(
                    "at most " + MAX_HOSTS + " hosts per city, not " + hosts.size());
        }
        Set<OutboundHost> parsed = new LinkedHashSet<>();
        for (String host : hosts) {
            try {
                parsed.add(OutboundHost.parse(host));
            } catch (IllegalArgumentException e) {
                throw CommonProblems.INVALID_REQUEST.exception(e.getMessage());
            }
        }
        return parsed;
    }
}
