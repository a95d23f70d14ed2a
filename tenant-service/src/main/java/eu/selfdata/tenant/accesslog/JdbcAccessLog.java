package eu.selfdata.tenant.accesslog;

import eu.selfdata.tenant.citydata.CityJdbc;
import eu.selfdata.usecase.api.AccessLog;
import eu.selfdata.usecase.api.Accessor;
import eu.selfdata.usecase.api.CitizenId;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The access log in the city's schema. Insert and select only: the table's trigger refuses any
 * other change except the unlinking done by an erasure.
 */
@Component
class JdbcAccessLog implements AccessLog {

    private final CityJdbc city;

    JdbcAccessLog(CityJdbc city) {
        this.city = city;
    }

    @Override
    public void record(CitizenId citizen, Accessor accessor, String categoryId, String reason) {
        city.jdbc()
                .sql("""
                        insert into access_log (citizen_id, accessor_kind, accessor_name, category_id, reason)
                        values (?, ?, ?, ?, ?)""")
                .params(citizen.value(), accessor.kind().name(), accessor.name(), categoryId, reason)
                .update();
    }

    List<AccessLogEntry> entries(CitizenId citizen, int limit) {
        return city.jdbc()
                .sql("""
                        select accessed_at, accessor_kind, accessor_name, category_id, reason from access_log
                         where citizen_id = ? order by accessed_at desc, id desc limit ?""")
                .params(citizen.value(), limit)
                .query((rs, row) -> new AccessLogEntry(
                        rs.getTimestamp(1).toInstant(),
                        Accessor.Kind.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
    }
}
