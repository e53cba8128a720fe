package nl.doorstroom.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The what-if engine's checks of a key, without the database. */
class WhatIfTests {

    @Test
    void aCustomWeightAboveTheMaximumIsAProblemOnTheWeightsNotAnOverflow() {
        var weights = Map.of("population", Long.MAX_VALUE, "gdp", Long.MAX_VALUE);

        assertThatThrownBy(() -> WhatIf.customKey(weights)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.problems()).extracting(Problem::field, Problem::messageKey).containsOnly(
                        Tuple.tuple("customWeights", "whatIf.weight.tooLarge")).hasSize(2));
    }

    @Test
    void weightsUpToTheMaximumMakeAKey() {
        var max = WhatIf.MAXIMUM_WEIGHT;

        var key = WhatIf.customKey(Map.of("population", max, "welfare-corrected-population", max, "tax-revenue", max,
                "gdp", max));

        assertThat(key.terms()).hasSize(4).allSatisfy(t -> {
            assertThat(t.numerator()).isEqualTo(max);
            assertThat(t.denominator()).isEqualTo(4 * max);
        });
    }

    @Test
    void aKeyTheFiguresMakeUnusableIsAProblemWithoutTheEnglishExplanation() {
        var nobody = Map.of(DistributionKey.POPULATION, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});

        assertThatThrownBy(() -> WhatIf.weightsOf(DistributionKey.population(), nobody, 2))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.field()).isEqualTo("key");
                            assertThat(p.messageKey()).isEqualTo("whatIf.key.unusable");
                            assertThat(p.arguments()).isEmpty();
                        }));
    }
}
