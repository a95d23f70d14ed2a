package eu.selfdata.governance.costsharing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Keys as clients send them and as the budget line stores them. */
class CostSharingKeyJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void onlyTheBasisIsRequired() {
        CostSharingKey key = json.readValue("{\"basis\":\"EQUAL\"}", CostSharingKey.class);

        assertThat(key.fixedPercent()).isZero();
        assertThat(key.floorsCents()).isEmpty();
        assertThat(key.partners()).isEmpty();
    }

    @Test
    void aFullKeySurvivesStorage() {
        UUID partner = UUID.randomUUID();
        String text =
                "{\"basis\":\"POPULATION\",\"fixedPercent\":20,\"solidarity\":{\"populationBelow\":20000,\"coefficient\":0.5},"
                        + "\"floorsCents\":{\"" + partner + "\":5000},\"capsCents\":{\"" + partner
                        + "\":90000},\"partners\":[\"" + partner + "\"]}";

        CostSharingKey key = json.readValue(
                json.writeValueAsString(json.readValue(text, CostSharingKey.class)), CostSharingKey.class);

        assertThat(key.solidarity().coefficient()).isEqualByComparingTo(new BigDecimal("0.5"));
        assertThat(key.floorsCents()).containsEntry(partner, 5000L);
        assertThat(key.capsCents()).containsEntry(partner, 90000L);
        assertThat(key.partners()).containsExactly(partner);
    }

    @Test
    void aCapBelowTheFloorIsRefused() {
        UUID partner = UUID.randomUUID();
        assertThatThrownBy(() -> json.readValue(
                        "{\"basis\":\"EQUAL\",\"floorsCents\":{\"" + partner + "\":500},\"capsCents\":{\"" + partner
                                + "\":100}}",
                        CostSharingKey.class))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }
}
