package nl.doorstroom.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import nl.doorstroom.quota.DistributionKey.Term;
import org.junit.jupiter.api.Test;

class DistributionKeyTests {

    static BigDecimal[] values(String... values) {
        var decimals = new BigDecimal[values.length];
        for (int i = 0; i < values.length; i++) {
            decimals[i] = new BigDecimal(values[i]);
        }
        return decimals;
    }

    static BigInteger[] integers(long... values) {
        var integers = new BigInteger[values.length];
        for (int i = 0; i < values.length; i++) {
            integers[i] = BigInteger.valueOf(values[i]);
        }
        return integers;
    }

    @Test
    void populationKeyWeighsByPopulationInLowestTerms() {
        var indicators = Map.of("population", values("100", "300", "600"));

        var weights = DistributionKey.population().weights(indicators, 3);

        assertThat(weights).containsExactly(integers(1, 3, 6));
    }

    @Test
    void welfareCorrectedPopulationWeighsByPopulationTimesWelfareFactor() {
        var indicators = Map.of(
                "population", values("100", "200"),
                "welfare-factor", values("1.5", "0.5"));

        var weights = DistributionKey.welfareCorrectedPopulation().weights(indicators, 2);

        // Products 150 and 100.
        assertThat(weights).containsExactly(integers(3, 2));
    }

    @Test
    void koenigsteinAddsTwoThirdsOfTheTaxShareToOneThirdOfThePopulationShare() {
        var indicators = Map.of(
                "tax-revenue", values("1", "3"),
                "population", values("3", "1"));

        var weights = DistributionKey.koenigstein().weights(indicators, 2);

        // 2/3 × 1/4 + 1/3 × 3/4 = 5/12 and 2/3 × 3/4 + 1/3 × 1/4 = 7/12.
        assertThat(weights).containsExactly(integers(5, 7));
    }

    @Test
    void euSolidarityAddsHalfThePopulationShareToHalfTheGdpShare() {
        var indicators = Map.of(
                "population", values("1", "1", "2"),
                "gdp", values("3", "1", "0"));

        var weights = DistributionKey.euSolidarity().weights(indicators, 3);

        // 1/2 × 1/4 + 1/2 × 3/4 = 4/8, 1/2 × 1/4 + 1/2 × 1/4 = 2/8, 1/2 × 2/4 + 0 = 2/8.
        assertThat(weights).containsExactly(integers(2, 1, 1));
    }

    @Test
    void bringsValuesOfDifferentScalesToOneScale() {
        var indicators = Map.of(
                "tax-revenue", values("0.25", "7.5E-1", "0"),
                "population", values("2E+3", "1000.000", "1000"));

        var weights = DistributionKey.koenigstein().weights(indicators, 3);

        // Tax shares 1/4, 3/4, 0; population shares 1/2, 1/4, 1/4:
        // 2/3 × 1/4 + 1/3 × 1/2 = 4/12, 2/3 × 3/4 + 1/3 × 1/4 = 7/12, 1/3 × 1/4 = 1/12.
        assertThat(weights).containsExactly(integers(4, 7, 1));
    }

    @Test
    void keyWeightsApportionLikeTheKeyValues() {
        var indicators = Map.of(
                "tax-revenue", values("1", "3"),
                "population", values("3", "1"));
        var weights = DistributionKey.koenigstein().weights(indicators, 2);

        var places = ApportionmentMethod.LARGEST_REMAINDER.apportion(1_200, weights);

        assertThat(places).containsExactly(500, 700);
    }

    @Test
    void ignoresIndicatorsTheKeyDoesNotUse() {
        var indicators = Map.of("population", values("1", "2"), "gdp", values("-1", "0"));

        var weights = DistributionKey.population().weights(indicators, 2);

        assertThat(weights).containsExactly(integers(1, 2));
    }

    @Test
    void refusesAMissingIndicatorNamingIt() {
        var indicators = Map.of("population", values("1", "2"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> DistributionKey.euSolidarity().weights(indicators, 2))
                .withMessageContaining("gdp").withMessageContaining("missing");
    }

    @Test
    void refusesANegativeValueNamingTheIndicatorAndUnit() {
        var indicators = Map.of("population", values("1", "-2"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> DistributionKey.population().weights(indicators, 2))
                .withMessage("Indicator population is negative for unit 1: -2");
    }

    @Test
    void refusesATermThatIsZeroForEveryUnit() {
        var indicators = Map.of("population", values("1", "2"), "welfare-factor", values("0", "0.0"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> DistributionKey.welfareCorrectedPopulation().weights(indicators, 2))
                .withMessageContaining("population × welfare-factor").withMessageContaining("0 for every unit");
    }

    @Test
    void refusesAnIndicatorWithTooFewValues() {
        var indicators = Map.of("population", values("1", "2"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> DistributionKey.population().weights(indicators, 3))
                .withMessage("Indicator population has 2 values for 3 units");
    }

    @Test
    void refusesAMissingValueNamingTheIndicator() {
        var indicators = Map.of("population", new BigDecimal[] {BigDecimal.ONE, null});

        assertThatIllegalArgumentException()
                .isThrownBy(() -> DistributionKey.population().weights(indicators, 2))
                .withMessage("Indicator population has no value for unit 1");
    }

    @Test
    void refusesATermWithoutIndicatorsOrWithANonPositiveWeight() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Term(List.of(), 1, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Term(List.of("population"), 0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Term(List.of("population"), 1, 0));
    }

    @Test
    void refusesAKeyWithoutTerms() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DistributionKey("empty", List.of()))
                .withMessageContaining("at least one term");
    }

    @Test
    void namesTheFourStandardKeysInKebabCase() {
        var codes = List.of(DistributionKey.population(), DistributionKey.welfareCorrectedPopulation(),
                DistributionKey.koenigstein(), DistributionKey.euSolidarity()).stream().map(DistributionKey::code);

        assertThat(codes).containsExactly("population", "welfare-corrected-population", "koenigstein", "eu-solidarity");
    }
}
