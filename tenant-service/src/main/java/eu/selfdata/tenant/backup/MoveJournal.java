package eu.selfdata.tenant.backup;

import eu.selfdata.tenant.registry.TenantStateConflictException;
import eu.selfdata.tenant.tenancy.ClusterName;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The moves of cities between clusters ({@code platform.city_move}): COPYING until the registry points
 * at the target, SWITCHED until the source schema is dropped, then DONE; FAILED when the copy stopped
 * (source untouched, partial target dropped). While COPYING or SWITCHED the city is not served.
 */
@Component
class MoveJournal {

    enum State {
        COPYING,
        SWITCHED,
        DONE,
        FAILED
    }

    record Move(long id, String city, ClusterName source, ClusterName target, State state) {}

    private final JdbcClient jdbc;

    MoveJournal(DataSource platform) {
        this.jdbc = JdbcClient.create(platform);
    }

    Move start(String city, ClusterName source, ClusterName target) {
        try {
            long id = jdbc.sql("""
                            insert into platform.city_move (slug, source_cluster, target_cluster, state)
                            values (?, ?, ?, 'COPYING') returning id""")
                    .params(city, source.value(), target.value())
                    .query(Long.class)
                    .single();
            return new Move(id, city, source, target, State.COPYING);
        } catch (DuplicateKeyException e) {
            throw new TenantStateConflictException("A move of '" + city + "' is already running");
        }
    }

    /** Called inside the registry's switch transaction. */
    void switched(Move move) {
        jdbc.sql("update platform.city_move set state = 'SWITCHED' where id = ?")
                .param(move.id())
                .update();
    }

    void done(Move move) {
        end(move, State.DONE, null);
    }

    void failed(Move move, String error) {
        end(move, State.FAILED, error.length() <= 2000 ? error : error.substring(0, 2000));
    }

    private void end(Move move, State state, String error) {
        jdbc.sql("update platform.city_move set state = ?, error = ?, finished_at = now() where id = ?")
                .params(state.name(), error, move.id())
                .update();
    }

    Optional<Move> unfinished(String city) {
        return unfinished().stream().filter(move -> move.city().equals(city)).findFirst();
    }

    List<Move> unfinished() {
        return jdbc.sql("""
                        select id, slug, source_cluster, target_cluster, state from platform.city_move
                         where state in ('COPYING', 'SWITCHED') order by id""")
                .query((rs, row) -> new Move(
                        rs.getLong(1),
                        rs.getString(2),
                        new ClusterName(rs.getString(3)),
                        new ClusterName(rs.getString(4)),
                        State.valueOf(rs.getString(5))))
                .list();
    }
}
