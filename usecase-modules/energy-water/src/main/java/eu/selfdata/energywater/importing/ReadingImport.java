package eu.selfdata.energywater.importing;

import eu.selfdata.energywater.alert.LeakAlert;
import eu.selfdata.energywater.alert.LeakAlerts;
import eu.selfdata.energywater.meter.Meter;
import eu.selfdata.energywater.meter.Meters;
import eu.selfdata.energywater.reading.Fluid;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.limits.CappedInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

/**
 * Imports a file the citizen downloaded from their supplier into one of their meters, in one transaction: a file
 * refused at any line leaves nothing behind, and a file imported again replaces what it imported before. A water
 * file raises the leak alerts of the days it brought above the citizen's threshold, mailed once it is committed.
 */
public class ReadingImport {

    private final CityDatabase city;
    private final Meters meters;
    private final ReadingStore store;
    private final LeakAlerts alerts;
    private final ImportLimits limits;

    public ReadingImport(CityDatabase city, Meters meters, LeakAlerts alerts, ImportLimits limits) {
        this.city = city;
        this.meters = meters;
        this.store = new ReadingStore(city);
        this.alerts = alerts;
        this.limits = limits;
    }

    private record Imported(ImportReceipt receipt, List<LeakAlert> raised) {}

    /** The file's kind is told by the meter's fluid and the file's first byte, whatever the client said it was. */
    public ImportReceipt importFile(CitizenId citizen, UUID meterId, InputStream body) {
        Meter meter = meters.requireImporting(citizen, meterId);
        InputStream capped = new CappedInputStream(body, limits.maxBytes(), "the consumption file");
        Imported imported = city.transactions().execute(status -> {
            StoringSink sink = new StoringSink(store, meter.id(), citizen, "FILE");
            ReadingFormat format =
                    ReadingFormat.read(meter.fluid(), capped, meter.identifier(), limits.maxRows(), sink);
            StoringSink.Written written = sink.finish();
            List<LeakAlert> raised = meter.fluid() == Fluid.WATER
                    ? alerts.raise(citizen, meter.id(), written.firstDay(), written.lastDay())
                    : List.of();
            long id = city.jdbc()
                    .sql("""
                            insert into ew_import (meter_id, citizen_id, format, rows_read, days, curve_steps, first_day, last_day)
                            values (:meter, :citizen, :format, :rows, :days, :steps, :first, :last) returning id""")
                    .param("meter", meter.id())
                    .param("citizen", citizen.value())
                    .param("format", format.name())
                    .param("rows", written.days() + written.curveSteps() + written.maxPowerDays())
                    .param("days", written.days())
                    .param("steps", written.curveSteps())
                    .param("first", written.firstDay())
                    .param("last", written.lastDay())
                    .query(Long.class)
                    .single();
            return new Imported(
                    new ImportReceipt(
                            id,
                            meter.id(),
                            format.name(),
                            written.days(),
                            written.curveSteps(),
                            written.maxPowerDays(),
                            written.firstDay(),
                            written.lastDay()),
                    raised);
        });
        alerts.tell(citizen, imported.raised());
        return imported.receipt();
    }
}
