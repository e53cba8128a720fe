package nl.doorstroom.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

class QuotaRuleTests {

    @Test
    void roundsUpAnyFraction() {
        // 21,200 × 361,699 / 17,811,291 = 430.5… → 431
        long quota = QuotaRule.quota(21_200, 361_699, 17_811_291);

        assertThat(quota).isEqualTo(431);
    }

    @Test
    void anExactShareIsNotRoundedUp() {
        long quota = QuotaRule.quota(10_000, 1_000, 100_000);

        assertThat(quota).isEqualTo(100);
    }

    @Test
    void refusesANationWithoutPopulation() {
        assertThatThrownBy(() -> QuotaRule.quota(10, 5, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isTheSmallestWholeNumberAtLeastTheExactShare() {
        qt().withExamples(2000).forAll(integers().between(0, 1_000_000), longs().between(0, 2_000_000_000L),
                longs().between(1, 20_000_000_000L))
                .asWithPrecursor((vg, iG, iN) -> QuotaRule.quota(vg, iG, iN))
                .checkAssert((vg, iG, iN, quota) -> {
                    var exact = BigInteger.valueOf(vg).multiply(BigInteger.valueOf(iG));
                    var n = BigInteger.valueOf(iN);
                    assertThat(BigInteger.valueOf(quota).multiply(n)).isGreaterThanOrEqualTo(exact);
                    assertThat(BigInteger.valueOf(quota - 1).multiply(n)).isLessThan(exact);
                });
    }
}
