package eu.selfdata.mobility.page;

import eu.selfdata.usecase.api.CityDatabase;
import java.util.Optional;

/** The city's basemap setting, in its mobility settings row. */
public class Basemaps {

    private final CityDatabase database;

    public Basemaps(CityDatabase database) {
        this.database = database;
    }

    public Optional<Basemap> current() {
        return database.jdbc()
                .sql("select basemap_url, basemap_attribution from mobility_settings")
                .query((rs, row) -> rs.getString(1) == null ? null : new Basemap(rs.getString(1), rs.getString(2)))
                .optional();
    }

    public void choose(Basemap basemap) {
        database.jdbc()
                .sql("update mobility_settings set basemap_url = :url, basemap_attribution = :attribution")
                .param("url", basemap.tileUrl())
                .param("attribution", basemap.attribution())
                .update();
    }

    /** No tiles: the maps draw the trips alone and call no map server. */
    public void remove() {
        database.jdbc()
                .sql("update mobility_settings set basemap_url = null, basemap_attribution = null")
                .update();
    }
}
