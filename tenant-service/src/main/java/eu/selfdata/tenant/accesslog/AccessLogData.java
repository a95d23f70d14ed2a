package eu.selfdata.tenant.accesslog;

import eu.selfdata.tenant.citydata.CityJdbc;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.LegalBasis;
import eu.selfdata.usecase.api.LocalizedText;
import eu.selfdata.usecase.api.PersonalDataCategory;
import eu.selfdata.usecase.api.PersonalDataSource;
import eu.selfdata.usecase.api.RowSink;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The access log as personal data: exported whole; on erasure its entries stay (the city remains
 * accountable for the reads) but are unlinked from the person and lose their reason.
 */
@Component
@Order(2)
class AccessLogData implements PersonalDataSource {

    private static final PersonalDataCategory CATEGORY = new PersonalDataCategory(
            "access-log",
            new LocalizedText("Journal des accès à vos données", "Log of reads of your data"),
            new LocalizedText("Vous montrer qui a lu vos données et pourquoi", "Show you who read your data and why"),
            LegalBasis.LEGAL_OBLIGATION,
            Period.ofYears(1));

    private final CityJdbc city;

    AccessLogData(CityJdbc city) {
        this.city = city;
    }

    @Override
    public PersonalDataCategory category() {
        return CATEGORY;
    }

    @Override
    public List<String> tables() {
        return List.of("access_log");
    }

    @Override
    public void export(CitizenId citizen, RowSink sink) {
        city.jdbc().sql("""
                        select accessed_at, accessor_kind, accessor_name, category_id, reason from access_log
                         where citizen_id = ? order by accessed_at, id""").param(citizen.value()).withFetchSize(1_000).query(rs -> {
            SequencedMap<String, Object> row = new LinkedHashMap<>();
            row.put("accessed_at", rs.getTimestamp(1).toInstant());
            row.put("accessor_kind", rs.getString(2));
            row.put("accessor", rs.getString(3));
            row.put("category", rs.getString(4));
            row.put("reason", rs.getString(5));
            sink.row(row);
        });
    }

    /** Only the unlinking the table's trigger allows during an erasure. */
    @Override
    public void erase(CitizenId citizen) {
        city.jdbc()
                .sql("update access_log set citizen_id = null, reason = null where citizen_id = ?")
                .param(citizen.value())
                .update();
    }
}
