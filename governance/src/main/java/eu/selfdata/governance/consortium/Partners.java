package eu.selfdata.governance.consortium;

import eu.selfdata.governance.access.Caller;
import eu.selfdata.governance.problem.GovernanceException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Partners and their membership periods, and who acts for which partner. */
@Component
public class Partners {

    private static final String SELECT = """
            select p.id, p.kind, p.name, p.city_slug, p.population, m.started_at, m.ended_at
              from partner p
              left join lateral (select started_at, ended_at from membership where partner_id = p.id
                                  order by started_at desc, id desc limit 1) m on true""";

    private final JdbcClient jdbc;

    Partners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Partner> all() {
        return jdbc.sql(SELECT + " order by p.name").query(Partners::row).list();
    }

    public List<Partner> members() {
        return all().stream().filter(Partner::isMember).toList();
    }

    public Optional<Partner> find(UUID id) {
        return jdbc.sql(SELECT + " where p.id = ?")
                .param(id)
                .query(Partners::row)
                .optional();
    }

    public Partner get(UUID id) {
        return find(id).orElseThrow(() -> GovernanceException.notFound("Partner " + id));
    }

    public Optional<Partner> city(String slug) {
        return jdbc.sql(SELECT + " where p.city_slug = ?")
                .param(slug)
                .query(Partners::row)
                .optional();
    }

    /** Whether this caller may act for this partner: a city's admins, a non-city partner's listed representatives. */
    public boolean represents(Caller caller, Partner partner) {
        if (!caller.authenticated()) {
            return false;
        }
        if (partner.isCity()) {
            return caller.adminOf().contains(partner.citySlug());
        }
        return jdbc.sql("select count(*) from partner_representative where partner_id = ? and subject = ?")
                        .params(partner.id(), caller.subject())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The partners this caller acts for. */
    public List<Partner> representedBy(Caller caller) {
        return all().stream().filter(partner -> represents(caller, partner)).toList();
    }

    Set<String> representatives(UUID partner) {
        return Set.copyOf(jdbc.sql("select subject from partner_representative where partner_id = ? order by subject")
                .param(partner)
                .query(String.class)
                .list());
    }

    void insert(Partner partner) {
        jdbc.sql("insert into partner (id, kind, name, city_slug, population) values (?, ?, ?, ?, ?)")
                .params(partner.id(), partner.kind().name(), partner.name(), partner.citySlug(), partner.population())
                .update();
    }

    void update(UUID id, String name, Integer population) {
        jdbc.sql("update partner set name = ?, population = ? where id = ?")
                .params(name, population, id)
                .update();
    }

    void addRepresentative(UUID partner, String subject) {
        jdbc.sql("insert into partner_representative (partner_id, subject) values (?, ?) on conflict do nothing")
                .params(partner, subject)
                .update();
    }

    void startMembership(UUID partner) {
        jdbc.sql("insert into membership (partner_id, started_at) values (?, clock_timestamp())")
                .param(partner)
                .update();
    }

    boolean endMembership(UUID partner) {
        return jdbc.sql("update membership set ended_at = clock_timestamp() where partner_id = ? and ended_at is null")
                        .param(partner)
                        .update()
                == 1;
    }

    private static Partner row(ResultSet rs, int row) throws SQLException {
        return new Partner(
                rs.getObject("id", UUID.class),
                PartnerKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                rs.getString("city_slug"),
                (Integer) rs.getObject("population"),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("ended_at")));
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
