package eu.selfdata.mobility.takeout;

import eu.selfdata.usecase.api.CitizenTables;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.LegalBasis;
import eu.selfdata.usecase.api.LocalizedText;
import eu.selfdata.usecase.api.PersonalDataCategory;
import java.time.Period;
import java.util.List;

/**
 * A citizen's Takeout imports: the rows that say what each import did, exported and erased like any
 * row — and, on erasure, first the uploads' bytes still waiting on disk and any import still running
 * (it rolls back).
 */
public final class TakeoutImportData {

    public static final PersonalDataCategory CATEGORY = new PersonalDataCategory(
            "location-imports",
            new LocalizedText("Imports d'historique de localisation", "Location history imports"),
            new LocalizedText(
                    "Importer votre historique Google en arrière-plan et vous en montrer l'avancement et ce qui a été gardé",
                    "Import your Google location history in the background and show you its progress and what was kept"),
            LegalBasis.CONSENT,
            Period.ofYears(1));

    private TakeoutImportData() {}

    /** @param imports the running imports and their uploads; null where the host runs none */
    public static CitizenTables of(CityDatabase database, TakeoutImports imports) {
        CitizenTables rows = new CitizenTables(database, CATEGORY, """
                select id, status, format, keep_from, keep_to, file_bytes, points_read, points_kept, points_outside, duplicates,
                       visits, activities, trips, problem_type, problem_detail, created_at, finished_at
                from mobility_takeout_import where citizen_id = :citizen order by created_at""", List.of("mobility_takeout_import"));
        return imports == null ? rows : rows.erasingFirst(imports::forget);
    }
}
