package eu.selfdata.connectors;

import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.CopyLocation;
import eu.selfdata.usecase.api.PersonalDataCopies;
import java.util.List;

/**
 * What every connector may keep about a citizen whatever its template: dead letters (the file name, the
 * record and the reason often name the citizen) and processed-message keys (a trace delivery's key is
 * {@code {citizen id}/{sha256}}). A row is the citizen's when one of its texts contains their id, in any case.
 */
public class ConnectorCopies implements PersonalDataCopies {

    private final CityDatabase database;

    public ConnectorCopies(CityDatabase database) {
        this.database = database;
    }

    @Override
    public List<CopyLocation> locations() {
        return List.of(
                new CopyLocation.Column("connector_dead_letter", "source"),
                new CopyLocation.Column("connector_dead_letter", "source_key"),
                new CopyLocation.Column("connector_dead_letter", "record"),
                new CopyLocation.Column("connector_dead_letter", "reason"),
                new CopyLocation.Column("connector_processed", "message_key"));
    }

    @Override
    public void erase(CitizenId citizen) {
        if (!present()) {
            return;
        }
        String id = citizen.toString();
        database.jdbc().sql("""
                        delete from connector_dead_letter
                         where strpos(lower(source), :id) > 0 or strpos(lower(source_key), :id) > 0
                            or strpos(lower(coalesce(record, '')), :id) > 0 or strpos(lower(reason), :id) > 0""").param("id", id).update();
        database.jdbc()
                .sql("delete from connector_processed where strpos(lower(message_key), :id) > 0")
                .param("id", id)
                .update();
    }

    /** A city with no connector module has not the tables. */
    private boolean present() {
        return database.jdbc()
                .sql("select to_regclass('connector_dead_letter') is not null")
                .query(Boolean.class)
                .single();
    }
}
