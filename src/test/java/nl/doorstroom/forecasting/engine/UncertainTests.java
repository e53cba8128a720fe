package nl.doorstroom.forecasting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class UncertainTests {

    @Test
    void withoutDoubtEveryKindGivesItsMeanExactly() {
        for (double z : new double[] { -3, 0, 0.7, 5 }) {
            assertThat(Uncertain.lognormal(851.3, 0).valueAt(z)).isEqualTo(851.3);
            assertThat(Uncertain.normal(190.1, 0).valueAt(z)).isEqualTo(190.1);
            assertThat(Uncertain.fixed(0.021).valueAt(z)).isEqualTo(0.021);
        }
    }

    @Test
    void aLognormalHasTheMeanAndSpreadItWasGiven() {
        var inflow = Uncertain.lognormal(850, 170);
        var random = new SplittableRandom(3);
        int n = 400_000;
        double sum = 0;
        double squares = 0;

        for (int i = 0; i < n; i++) {
            double value = inflow.valueAt(random.nextGaussian());
            sum += value;
            squares += value * value;
        }

        double mean = sum / n;
        assertThat(mean).isCloseTo(850, within(2.0));
        assertThat(Math.sqrt(squares / n - mean * mean)).isCloseTo(170, within(2.0));
    }

    @Test
    void sharesStayBetweenZeroAndOneAndCountsAboveZero() {
        assertThat(Uncertain.share(0.9, 0.2).valueAt(3)).isEqualTo(1);
        assertThat(Uncertain.share(0.1, 0.2).valueAt(-3)).isZero();
        assertThat(Uncertain.normal(100, 80).valueAt(-3)).isZero();
    }
}
