package eu.selfdata.tenant.modules;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.selfdata.contract.problem.PlatformProblem;
import eu.selfdata.usecase.api.CityIndicator;
import eu.selfdata.usecase.api.CommonProblems;
import eu.selfdata.usecase.api.LocalizedText;
import eu.selfdata.usecase.api.NoiseBudget;
import eu.selfdata.usecase.api.UseCaseModule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** What the host refuses to start with: two modules or indicators of one id, or one problem type with two meanings. */
class ModuleCatalogueTest {

    @Test
    void twoModulesOfOneIdAreRefused() {
        assertThatThrownBy(() -> ModuleCatalogue.oneModulePerId(
                        List.of(module("energy", List.of()), module("energy", List.of()))))
                .hasMessageContaining("energy");
    }

    @Test
    void twoIndicatorsOfOneIdAreRefusedEvenInTwoModules() {
        CityIndicator indicator = new CityIndicator(
                "energy-per-month",
                new LocalizedText("kWh", "kWh"),
                new LocalizedText("kWh", "kWh"),
                "energy-statistics",
                "energy-readings",
                "select 'a' as group_key, null::uuid as citizen_id, 1 as value",
                CityIndicator.Measure.SUM,
                new NoiseBudget(1, 500));

        assertThatThrownBy(() -> ModuleCatalogue.oneIndicatorPerId(List.of(
                        module("energy", List.of(), List.of(indicator)),
                        module("water", List.of(), List.of(indicator)))))
                .hasMessageContaining("energy-per-month");
    }

    @Test
    void aModuleGivingAPlatformTypeAnotherStatusIsRefused() {
        PlatformProblem notFound = new PlatformProblem.Definition("not-found", "Not found", HttpStatus.GONE);

        assertThatThrownBy(() -> ModuleCatalogue.oneMeaningPerProblemType(List.of(module("energy", List.of(notFound)))))
                .hasMessageContaining("energy")
                .hasMessageContaining("not-found");
    }

    @Test
    void twoModulesGivingOneOfTheirTypesTwoTitlesAreRefused() {
        PlatformProblem meter =
                new PlatformProblem.Definition("meter-already-linked", "Meter already linked", HttpStatus.CONFLICT);
        PlatformProblem other =
                new PlatformProblem.Definition("meter-already-linked", "Meter taken", HttpStatus.CONFLICT);

        assertThatThrownBy(() -> ModuleCatalogue.oneMeaningPerProblemType(
                        List.of(module("energy", List.of(meter)), module("water", List.of(other)))))
                .hasMessageContaining("water")
                .hasMessageContaining("meter-already-linked");
    }

    @Test
    void aSharedTypeWithItsOwnMeaningIsWelcomeAnywhere() {
        PlatformProblem meter =
                new PlatformProblem.Definition("meter-already-linked", "Meter already linked", HttpStatus.CONFLICT);

        assertThatCode(() -> ModuleCatalogue.oneMeaningPerProblemType(List.of(
                        module("energy", List.of(meter, CommonProblems.NOT_FOUND)), module("water", List.of(meter)))))
                .doesNotThrowAnyException();
    }

    private static UseCaseModule module(String id, List<PlatformProblem> problems) {
        return module(id, problems, List.of());
    }

    private static UseCaseModule module(String id, List<PlatformProblem> problems, List<CityIndicator> indicators) {
        return new UseCaseModule() {
            @Override
            public List<CityIndicator> cityIndicators() {
                return indicators;
            }

            @Override
            public String id() {
                return id;
            }

            @Override
            public String displayName() {
                return id;
            }

            @Override
            public List<PlatformProblem> problems() {
                return problems;
            }
        };
    }
}
