package nl.doorstroom.quota;

import static nl.doorstroom.quota.ApportionmentMethod.LARGEST_REMAINDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ApportionmentsTests {

    /** The classic three-state example: shares 4.29, 4.29, 1.43 of 10 and 4.71, 4.71, 1.57 of 11. */
    static final long[] THREE_STATES = {6, 6, 2};

    @Test
    void largestRemainderTakesAUnitAwayWhenTheTotalGrows() {
        var atTen = LARGEST_REMAINDER.apportion(10, THREE_STATES);
        var atEleven = LARGEST_REMAINDER.apportion(11, THREE_STATES);

        var losers = Apportionments.alabamaParadox(LARGEST_REMAINDER, 10, 11, THREE_STATES);

        assertThat(atTen).containsExactly(4, 4, 2);
        assertThat(atEleven).containsExactly(5, 5, 1);
        assertThat(losers).containsExactly(2);
    }

    @Test
    void findsTheSameParadoxForBigIntegerWeights() {
        var weights = new BigInteger[] {BigInteger.valueOf(6), BigInteger.valueOf(6), BigInteger.TWO};

        var losers = Apportionments.alabamaParadox(LARGEST_REMAINDER, 10, 11, weights);

        assertThat(losers).containsExactly(2);
    }

    @ParameterizedTest
    @EnumSource(value = ApportionmentMethod.class, names = "LARGEST_REMAINDER", mode = EnumSource.Mode.EXCLUDE)
    void otherMethodsKeepEveryUnitWhereItWasWhenTheTotalGrows(ApportionmentMethod method) {
        var losers = Apportionments.alabamaParadox(method, 10, 11, THREE_STATES);

        assertThat(losers).isEmpty();
    }

    @Test
    void findsNoParadoxWhenTheTotalStaysTheSame() {
        var losers = Apportionments.alabamaParadox(LARGEST_REMAINDER, 10, 10, THREE_STATES);

        assertThat(losers).isEmpty();
    }

    @Test
    void refusesALargerTotalThatIsSmaller() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Apportionments.alabamaParadox(LARGEST_REMAINDER, 11, 10, THREE_STATES))
                .withMessage("The larger total (10) must be at least the total (11)");
    }
}
