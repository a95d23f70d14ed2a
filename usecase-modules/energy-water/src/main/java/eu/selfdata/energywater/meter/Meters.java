package eu.selfdata.energywater.meter;

import eu.selfdata.energywater.EnergyWaterProblems;
import eu.selfdata.energywater.EnergyWaterPurposes;
import eu.selfdata.energywater.reading.Fluid;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.CityScope;
import eu.selfdata.usecase.api.CommonProblems;
import eu.selfdata.usecase.api.Consents;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;

/** The citizen's meters: linking under the fluid's consent, listing, unlinking, and the consent's effect on imports. */
public class Meters {

    /** A household has a few meters; a cap keeps a script from filling the table. */
    static final int MAX_PER_CITIZEN = 12;

    private static final String SELECT = """
            select m.id, m.fluid, m.identifier, m.label, m.import_active, m.linked_at,
                   count(d.day) as days, min(d.day) as first_day, max(d.day) as last_day
              from ew_meter m left join ew_daily d on d.meter_id = m.id
             where m.citizen_id = :citizen""";

    private final CityDatabase city;
    private final CityScope scope;
    private final Consents consents;

    public Meters(CityDatabase city, CityScope scope, Consents consents) {
        this.city = city;
        this.scope = scope;
        this.consents = consents;
    }

    public List<Meter> of(CitizenId citizen) {
        return city.jdbc()
                .sql(SELECT + " group by m.id order by m.fluid, m.linked_at")
                .param("citizen", citizen.value())
                .query(Meters::meter)
                .list();
    }

    /** The citizen's meter, or 404 whether it does not exist or is someone else's: an id reveals nothing. */
    public Meter require(CitizenId citizen, UUID id) {
        return city.jdbc()
                .sql(SELECT + " and m.id = :id group by m.id")
                .param("citizen", citizen.value())
                .param("id", id)
                .query(Meters::meter)
                .optional()
                .orElseThrow(() -> CommonProblems.NOT_FOUND.exception("no such meter"));
    }

    public Meter link(CitizenId citizen, MeterIdentifier identifier, String label) {
        if (label != null && label.length() > 80) {
            throw CommonProblems.INVALID_REQUEST.exception("a meter's label is at most 80 characters");
        }
        requireConsent(citizen, identifier.fluid());
        return city.transactions().execute(status -> {
            Integer linked = city.jdbc()
                    .sql("select count(*) from ew_meter where citizen_id = :citizen")
                    .param("citizen", citizen.value())
                    .query(Integer.class)
                    .single();
            if (linked >= MAX_PER_CITIZEN) {
                throw CommonProblems.INVALID_REQUEST.exception("at most " + MAX_PER_CITIZEN + " meters per account");
            }
            UUID id = UUID.randomUUID();
            try {
                city.jdbc()
                        .sql("""
                                insert into ew_meter (id, citizen_id, fluid, identifier, label)
                                values (:id, :citizen, :fluid, :identifier, :label)""")
                        .param("id", id)
                        .param("citizen", citizen.value())
                        .param("fluid", identifier.fluid().name())
                        .param("identifier", identifier.value())
                        .param("label", label)
                        .update();
            } catch (DuplicateKeyException e) {
                throw EnergyWaterProblems.METER_ALREADY_LINKED.exception(
                        "you already linked the meter " + identifier.lastFour());
            }
            return require(citizen, id);
        });
    }

    /** Unlinks the meter and deletes everything imported for it. */
    public void unlink(CitizenId citizen, UUID id) {
        require(citizen, id);
        city.jdbc()
                .sql("delete from ew_meter where id = :id and citizen_id = :citizen")
                .param("id", id)
                .param("citizen", citizen.value())
                .update();
    }

    /** Deletes what was imported for the meter and keeps the link (what a withdrawal offers). */
    public long deleteReadings(CitizenId citizen, UUID id) {
        require(citizen, id);
        return city.transactions().execute(status -> {
            long deleted = 0;
            for (String table : List.of("ew_daily", "ew_curve", "ew_max_power", "ew_import")) {
                deleted += city.jdbc()
                        .sql("delete from " + table + " where meter_id = :id and citizen_id = :citizen")
                        .param("id", id)
                        .param("citizen", citizen.value())
                        .update();
            }
            return deleted;
        });
    }

    /** Whether the meter may import now: linked, import active and the fluid's consent still given. */
    public Meter requireImporting(CitizenId citizen, UUID id) {
        Meter meter = require(citizen, id);
        requireConsent(citizen, meter.fluid());
        if (!meter.importActive()) {
            throw EnergyWaterProblems.CONSENT_REQUIRED.exception(
                    "imports for this meter stopped when the consent was withdrawn; give it again to resume");
        }
        return meter;
    }

    /** A consent decision on a fluid's import purpose starts or stops the imports of the citizen's meters of it. */
    public void importConsent(String cityId, CitizenId citizen, Fluid fluid, boolean given) {
        scope.run(
                cityId,
                () -> city.jdbc()
                        .sql(
                                "update ew_meter set import_active = :given where citizen_id = :citizen and fluid = :fluid")
                        .param("given", given)
                        .param("citizen", citizen.value())
                        .param("fluid", fluid.name())
                        .update());
    }

    private void requireConsent(CitizenId citizen, Fluid fluid) {
        if (!consents.isGiven(citizen, EnergyWaterPurposes.importPurpose(fluid))) {
            throw EnergyWaterProblems.CONSENT_REQUIRED.exception("give the consent to import this "
                    + fluid.name().toLowerCase(Locale.ROOT) + " meter's consumption first");
        }
    }

    private static Meter meter(ResultSet row, int number) throws SQLException {
        return new Meter(
                row.getObject("id", UUID.class),
                Fluid.valueOf(row.getString("fluid")),
                row.getString("identifier"),
                row.getString("label"),
                row.getBoolean("import_active"),
                row.getTimestamp("linked_at").toInstant(),
                row.getLong("days"),
                row.getObject("first_day", LocalDate.class),
                row.getObject("last_day", LocalDate.class));
    }
}
