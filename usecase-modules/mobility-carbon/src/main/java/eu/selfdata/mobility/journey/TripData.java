package eu.selfdata.mobility.journey;

import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CitizenTables;
import eu.selfdata.usecase.api.PersonalDataCategory;
import eu.selfdata.usecase.api.PersonalDataSource;
import eu.selfdata.usecase.api.PortableFile;
import eu.selfdata.usecase.api.RowSink;

import java.time.Instant;
import java.util.List;

/** A citizen's trips as rows (trips, legs, emission history), and in the export archive as GPX and GeoJSON too. */
public final class TripData implements PersonalDataSource {

    private static final Instant EVER = Instant.EPOCH;
    private static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

    private final CitizenTables rows;
    private final TripExports exports;

    public TripData(CitizenTables rows, TripExports exports) {
        this.rows = rows;
        this.exports = exports;
    }

    @Override
    public PersonalDataCategory category() {
        return rows.category();
    }

    @Override
    public List<String> tables() {
        return rows.tables();
    }

    @Override
    public void export(CitizenId citizen, RowSink sink) {
        rows.export(citizen, sink);
    }

    @Override
    public void erase(CitizenId citizen) {
        rows.erase(citizen);
    }

    @Override
    public List<PortableFile> portableFiles() {
        return List.of(new PortableFile("trips.gpx", "application/gpx+xml", (citizen, out) -> exports.gpx(citizen, EVER, NEVER, out)),
                new PortableFile("trips.geojson", "application/geo+json", (citizen, out) -> exports.geoJson(citizen, EVER, NEVER, out)));
    }
}
