package eu.selfdata.tenant.consent;

import eu.selfdata.usecase.api.CitizenId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** What a citizen is asked in this city: each purpose the enabled modules offer, beside the citizen's decision. */
@Service
class ConsentChoices {

    private final ConsentLedger ledger;
    private final PurposeCatalogue purposes;

    ConsentChoices(ConsentLedger ledger, PurposeCatalogue purposes) {
        this.ledger = ledger;
        this.purposes = purposes;
    }

    List<PurposeView> of(CitizenId citizen, String language) {
        Map<String, ConsentDecision> decided = ledger.decisions(citizen).stream()
                .collect(Collectors.toMap(ConsentDecision::purposeId, Function.identity()));
        return purposes.offeredHere().stream()
                .map(offered ->
                        PurposeView.of(offered, decided.get(offered.purpose().id()), language))
                .toList();
    }
}
