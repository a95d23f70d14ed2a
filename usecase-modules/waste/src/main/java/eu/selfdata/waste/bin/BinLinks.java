package eu.selfdata.waste.bin;

import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CityScope;
import eu.selfdata.usecase.api.CityTransactions;
import eu.selfdata.usecase.api.Consents;
import eu.selfdata.waste.WastePurposes;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which household bins the platform may import weighings for, read by connectors outside any
 * request: proven links still active whose citizen's import consent is given right now.
 */
public class BinLinks {

    private final CityTransactions jdbc;
    private final CityScope scope;
    private final Consents consents;

    public BinLinks(CityTransactions jdbc, CityScope scope, Consents consents) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.consents = consents;
    }

    /** bin id → citizen, for bins whose weighings may be imported now in that city. */
    public Map<String, CitizenId> importable(String city) {
        Map<String, CitizenId> links = new HashMap<>();
        jdbc.run(
                city,
                client -> client.sql(
                                "select bin_id, citizen_id from waste_bin_link where import_active and proof is not null")
                        .query((rs, row) -> links.put(rs.getString(1), new CitizenId(rs.getObject(2, UUID.class))))
                        .list());
        Set<CitizenId> consenting = scope.call(
                city,
                () -> links.values().stream()
                        .distinct()
                        .filter(citizen -> consents.isGiven(citizen, WastePurposes.IMPORT_WEIGHINGS))
                        .collect(Collectors.toSet()));
        links.values().removeIf(citizen -> !consenting.contains(citizen));
        return links;
    }

    /** Follows the citizen's decision: imports stop on withdrawal or refusal and resume when given again. */
    public void importConsent(String city, CitizenId citizen, boolean given) {
        jdbc.run(
                city,
                client -> client.sql("update waste_bin_link set import_active = :given where citizen_id = :citizen")
                        .param("given", given)
                        .param("citizen", citizen.value())
                        .update());
    }
}
