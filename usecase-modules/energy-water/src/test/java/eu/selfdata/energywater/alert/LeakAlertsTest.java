package eu.selfdata.energywater.alert;

import static eu.selfdata.energywater.support.EnergyWaterCities.someone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import eu.selfdata.energywater.importing.ImportLimits;
import eu.selfdata.energywater.importing.ReadingImport;
import eu.selfdata.energywater.meter.Meter;
import eu.selfdata.energywater.reading.Fluid;
import eu.selfdata.energywater.support.EnergyWaterCities;
import eu.selfdata.usecase.api.CitizenId;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/** A water threshold raises an alert per meter and day an import brings above it, for its citizen only. */
class LeakAlertsTest {

    /** 123, 98, 150.5 (151), 200, 0, 87, 110 litres from 2026-01-01 (the samples' week). */
    private static final String WEEK = "Date;Consommation (litres)\n2026-01-01;123\n2026-01-02;98\n2026-01-03;150,5\n"
            + "2026-01-04;200\n2026-01-05;0\n2026-01-06;87\n2026-01-07;110\n";

    private final EnergyWaterCities fixture = new EnergyWaterCities();
    private final LeakAlerts alerts = fixture.alerts;
    private final ReadingImport imports =
            new ReadingImport(fixture.cities, fixture.meters, alerts, new ImportLimits(1 << 20, 10_000));
    private String city;
    private CitizenId camille;
    private Meter water;

    @BeforeEach
    void aHouseholdWithAWaterMeter() {
        city = fixture.onboard("lyon");
        camille = someone();
        water = fixture.meterOf(city, camille, Fluid.WATER, "W123456");
    }

    @Test
    void theDaysAboveTheThresholdRaiseOneAlertEachHoweverOftenTheyAreImported() {
        as(() -> {
            alerts.setThreshold(camille, 120);
            return null;
        });

        importWeek();
        importWeek();

        assertThat(fixture.mail.sentTo(camille))
                .as("one mail for the import that raised them, none for the one that brought them again")
                .singleElement()
                .satisfies(mail -> {
                    assertThat(mail.subjectKey()).isEqualTo("energy-water.mail.leak.subject");
                    assertThat(mail.arguments())
                            .containsExactly(3, 120, "2026-01-04 (200 L), 2026-01-03 (151 L), 2026-01-01 (123 L)");
                });
        List<LeakAlert> raised = as(() -> alerts.of(camille));
        assertThat(raised)
                .extracting(LeakAlert::day, LeakAlert::litres, LeakAlert::threshold)
                .containsExactly(
                        tuple(LocalDate.of(2026, 1, 4), 200L, 120),
                        tuple(LocalDate.of(2026, 1, 3), 151L, 120),
                        tuple(LocalDate.of(2026, 1, 1), 123L, 120));

        as(() -> {
            alerts.markSeen(camille, raised.getFirst().id());
            return null;
        });
        assertThat(as(() -> alerts.of(camille)))
                .as("unseen first")
                .extracting(LeakAlert::day)
                .containsExactly(LocalDate.of(2026, 1, 3), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 4));
    }

    @Test
    void noThresholdNoAlertAndAnElectricityImportNeverRaisesOne() {
        importWeek();
        assertThat(fixture.cities.count(city, "ew_alert")).isZero();
        assertThat(fixture.mail.sentTo(camille)).isEmpty();

        as(() -> {
            alerts.setThreshold(camille, 1);
            alerts.clearThreshold(camille);
            return null;
        });
        importWeek();
        assertThat(fixture.cities.count(city, "ew_alert")).isZero();
    }

    @Test
    void thresholdsOutOfBoundsAreRefused() {
        for (Integer litres : new Integer[] {null, 0, -5, 100_001}) {
            ErrorResponseException refused = catchThrowableOfType(
                    ErrorResponseException.class,
                    () -> as(() -> {
                        alerts.setThreshold(camille, litres);
                        return null;
                    }));
            assertThat(refused.getStatusCode().value()).isEqualTo(400);
        }
        assertThat(as(() -> alerts.threshold(camille))).isEmpty();
    }

    @Test
    void anotherCitizenOrTheSameIdInAnotherCityNeitherSeesNorMarksHerAlerts() {
        as(() -> {
            alerts.setThreshold(camille, 120);
            return null;
        });
        importWeek();
        long first = as(() -> alerts.of(camille)).getFirst().id();
        String larochelle = fixture.onboard("larochelle");
        CitizenId sacha = someone();

        for (Runnable attempt : List.<Runnable>of(
                () -> fixture.cities.asCitizen(city, sacha, () -> {
                    alerts.markSeen(sacha, first);
                    return null;
                }),
                () -> fixture.cities.asCitizen(larochelle, camille, () -> {
                    alerts.markSeen(camille, first);
                    return null;
                }))) {
            assertThat(catchThrowableOfType(ErrorResponseException.class, attempt::run)
                            .getStatusCode()
                            .value())
                    .isEqualTo(404);
        }
        assertThat(fixture.cities.asCitizen(city, sacha, () -> alerts.of(sacha)))
                .isEmpty();
        assertThat(fixture.cities.asCitizen(larochelle, camille, () -> alerts.of(camille)))
                .isEmpty();
        assertThat(as(() -> alerts.of(camille)))
                .allSatisfy(alert -> assertThat(alert.seenAt()).isNull());
    }

    private void importWeek() {
        as(() -> imports.importFile(
                camille, water.id(), new ByteArrayInputStream(WEEK.getBytes(StandardCharsets.UTF_8))));
    }

    private <T> T as(Supplier<T> work) {
        return fixture.cities.asCitizen(city, camille, work);
    }
}
