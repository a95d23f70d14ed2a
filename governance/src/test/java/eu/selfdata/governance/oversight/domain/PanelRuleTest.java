package eu.selfdata.governance.oversight.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PanelRuleTest {

    private static final Instant STARTED = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-20T09:00:00Z");

    @Test
    void verifiedOnlyAdmitsAnyAccountEvenOfUnknownAge() {
        assertThat(PanelRule.VERIFIED_ONLY.refusal(null, STARTED, NOW)).isEmpty();
        assertThat(PanelRule.VERIFIED_ONLY.refusal(NOW, STARTED, NOW)).isEmpty();
    }

    @Test
    void accountBeforeStartRefusesAccountsCreatedOnceThePilotWasKnown() {
        PanelRule rule = new PanelRule(true, null);
        assertThat(rule.refusal(STARTED.minusSeconds(1), STARTED, NOW)).isEmpty();
        assertThat(rule.refusal(STARTED, STARTED, NOW)).contains(PanelRule.Refusal.CREATED_AFTER_START);
        assertThat(rule.refusal(STARTED, STARTED.plusMillis(400), NOW))
                .as("same second as the start: after it")
                .contains(PanelRule.Refusal.CREATED_AFTER_START);
        assertThat(rule.refusal(null, STARTED, NOW)).contains(PanelRule.Refusal.CREATION_TIME_UNKNOWN);
    }

    @Test
    void minimumAgeCountsWholeDaysUpToTheMomentOfJoining() {
        PanelRule rule = new PanelRule(false, 30);
        assertThat(rule.refusal(NOW.minus(Duration.ofDays(30)), STARTED, NOW)).isEmpty();
        assertThat(rule.refusal(NOW.minus(Duration.ofDays(30)).plusSeconds(1), STARTED, NOW))
                .contains(PanelRule.Refusal.ACCOUNT_TOO_RECENT);
    }

    @Test
    void bothConditionsHold() {
        PanelRule rule = new PanelRule(true, 7);
        assertThat(rule.refusal(STARTED.minus(Duration.ofDays(1)), STARTED, NOW))
                .isEmpty();
        assertThat(rule.refusal(STARTED.minus(Duration.ofDays(1)), STARTED, STARTED.plus(Duration.ofDays(5))))
                .contains(PanelRule.Refusal.ACCOUNT_TOO_RECENT);
        assertThat(rule.describe()).contains("before the pilot started", "7 day(s)");
    }

    @Test
    void anAgeOutsideItsBoundsIsNoRule() {
        assertThatThrownBy(() -> new PanelRule(false, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PanelRule(false, 3651)).isInstanceOf(IllegalArgumentException.class);
    }
}
