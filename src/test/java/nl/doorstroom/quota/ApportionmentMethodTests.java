package nl.doorstroom.quota;

import static nl.doorstroom.quota.ApportionmentMethod.DHONDT;
import static nl.doorstroom.quota.ApportionmentMethod.LARGEST_REMAINDER;
import static nl.doorstroom.quota.ApportionmentMethod.ROUND_UP;
import static nl.doorstroom.quota.ApportionmentMethod.SAINTE_LAGUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ApportionmentMethodTests {

    static final long[] FOUR_PARTIES = {100_000, 80_000, 30_000, 20_000};

    @Test
    void roundsEveryShareUpAsTheHousingActPrescribes() {
        long[] populations = {1, 1, 1};

        var quotas = ROUND_UP.apportion(100, populations);

        assertThat(quotas).containsExactly(34, 34, 34);
    }

    @Test
    void roundUpKeepsAWholeShareAsItIs() {
        long[] populations = {1, 3, 4};

        var quotas = ROUND_UP.apportion(16, populations);

        assertThat(quotas).containsExactly(2, 6, 8);
    }

    @Test
    void roundUpRoundsAnyFractionUpHoweverSmall() {
        long[] populations = {999_999, 1};

        var quotas = ROUND_UP.apportion(10, populations);

        assertThat(quotas).containsExactly(10, 1);
    }

    @Test
    void largestRemainderGivesTheUnitsLeftToTheLargestRemainders() {
        long[] votes = {47_000, 16_000, 15_800, 12_000, 6_100, 3_100};

        var seats = LARGEST_REMAINDER.apportion(10, votes);

        // Shares 4.7, 1.6, 1.58, 1.2, 0.61, 0.31: floors give 7, the remainders .7, .61 and .6 one each.
        assertThat(seats).containsExactly(5, 2, 1, 1, 1, 0);
    }

    @Test
    void dHondtGivesEachSeatToTheLargestQuotientOfWeightByOneTwoThree() {
        var seats = DHONDT.apportion(8, FOUR_PARTIES);

        assertThat(seats).containsExactly(4, 3, 1, 0);
    }

    @Test
    void sainteLagueGivesEachSeatToTheLargestQuotientOfWeightByOneThreeFive() {
        var seats = SAINTE_LAGUE.apportion(8, FOUR_PARTIES);

        assertThat(seats).containsExactly(3, 3, 1, 1);
    }

    @Test
    void dHondtFavoursTheLargestUnitMoreThanSainteLague() {
        long[] weights = {5_000, 3_000, 1_400, 600};

        var dHondt = DHONDT.apportion(10, weights);
        var sainteLague = SAINTE_LAGUE.apportion(10, weights);

        // Shares 5, 3, 1.4 and 0.6.
        assertThat(dHondt).containsExactly(6, 3, 1, 0);
        assertThat(sainteLague).containsExactly(5, 3, 1, 1);
    }

    @Test
    void largestRemainderBreaksAnEqualRemainderForTheLargerWeight() {
        long[] weights = {1, 3};

        var seats = LARGEST_REMAINDER.apportion(2, weights);

        // Shares 0.5 and 1.5: equal remainders, the larger weight gets the unit left.
        assertThat(seats).containsExactly(0, 2);
    }

    @Test
    void dHondtBreaksAnEqualQuotientForTheLargerWeight() {
        long[] weights = {1, 2};

        var seats = DHONDT.apportion(2, weights);

        // The second seat: 1/1 against 2/2.
        assertThat(seats).containsExactly(0, 2);
    }

    @Test
    void sainteLagueBreaksAnEqualQuotientForTheLargerWeight() {
        long[] weights = {1, 3};

        var seats = SAINTE_LAGUE.apportion(2, weights);

        // The second seat: 1/1 against 3/3.
        assertThat(seats).containsExactly(0, 2);
    }

    @ParameterizedTest
    @EnumSource(value = ApportionmentMethod.class, names = "ROUND_UP", mode = EnumSource.Mode.EXCLUDE)
    void breaksAnEqualClaimOfEqualWeightsForTheLowerIndex(ApportionmentMethod method) {
        long[] weights = {5, 5, 5};

        var seats = method.apportion(2, weights);

        assertThat(seats).containsExactly(1, 1, 0);
    }

    @ParameterizedTest
    @EnumSource(ApportionmentMethod.class)
    void givesNothingToAUnitWithoutWeight(ApportionmentMethod method) {
        long[] weights = {0, 5, 0, 5};

        var seats = method.apportion(3, weights);

        assertThat(seats[0]).isZero();
        assertThat(seats[2]).isZero();
    }

    @ParameterizedTest
    @EnumSource(ApportionmentMethod.class)
    void apportionsATotalOfZeroAsZeroEverywhere(ApportionmentMethod method) {
        var seats = method.apportion(0, new long[] {3, 1, 4});

        assertThat(seats).containsExactly(0, 0, 0);
    }

    @ParameterizedTest
    @EnumSource(ApportionmentMethod.class)
    void givesASingleUnitTheWholeTotal(ApportionmentMethod method) {
        var seats = method.apportion(1_234, new long[] {0, 17, 0});

        assertThat(seats).containsExactly(0, 1_234, 0);
    }

    @ParameterizedTest
    @EnumSource(ApportionmentMethod.class)
    void apportionsWeightsWhoseSumOverflowsALongExactly(ApportionmentMethod method) {
        long[] weights = {Long.MAX_VALUE, Long.MAX_VALUE, 1};

        var seats = method.apportion(3, weights);

        // Shares just under 1.5, 1.5 and just over 0.
        assertThat(seats).containsExactly(method == ROUND_UP ? new long[] {2, 2, 1} : new long[] {2, 1, 0});
    }

    @ParameterizedTest
    @EnumSource(ApportionmentMethod.class)
    void apportionsTheLargestTotalALongHolds(ApportionmentMethod method) {
        long half = 1L << 62;

        var seats = method.apportion(Long.MAX_VALUE, new long[] {1, 1});

        // Two shares of (2^63 - 1) / 2 = 2^62 - 1/2.
        assertThat(seats).containsExactly(method == ROUND_UP ? new long[] {half, half} : new long[] {half, half - 1});
    }

    @ParameterizedTest
    @EnumSource(ApportionmentMethod.class)
    void givesTheSameResultForBigIntegerWeightsWhenTotalTimesWeightOverflowsALong(ApportionmentMethod method) {
        long[] weights = {100_000_000_003L, 300_000_000_001L, 7, 250_000_000_000L};
        var big = new BigInteger[weights.length];
        for (int i = 0; i < weights.length; i++) {
            big[i] = BigInteger.valueOf(weights[i]);
        }

        var fromLongs = method.apportion(1_000_000_000_000L, weights);
        var fromBigIntegers = method.apportion(1_000_000_000_000L, big);

        assertThat(fromLongs).containsExactly(fromBigIntegers);
        // The third unit's share is 7 × 10^12 / 650,000,000,011 = 10.77.
        assertThat(fromLongs[2]).isBetween(10L, 11L);
    }

    @Test
    void refusesANegativeTotal() {
        assertThatIllegalArgumentException().isThrownBy(() -> DHONDT.apportion(-1, new long[] {1}))
                .withMessageContaining("0 or more").withMessageContaining("-1");
    }

    @Test
    void refusesANegativeWeightNamingItsIndex() {
        assertThatIllegalArgumentException().isThrownBy(() -> ROUND_UP.apportion(10, new long[] {1, -2}))
                .withMessage("Weight 1 is negative: -2");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ROUND_UP.apportion(10, new BigInteger[] {BigInteger.ONE, BigInteger.valueOf(-2)}))
                .withMessage("Weight 1 is negative: -2");
    }

    @Test
    void refusesWeightsThatAreAllZero() {
        assertThatIllegalArgumentException().isThrownBy(() -> LARGEST_REMAINDER.apportion(10, new long[] {0, 0}))
                .withMessage("At least one weight must be positive");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LARGEST_REMAINDER.apportion(10, new BigInteger[] {BigInteger.ZERO}))
                .withMessage("At least one weight must be positive");
    }

    @Test
    void refusesNoWeightsAtAll() {
        assertThatIllegalArgumentException().isThrownBy(() -> SAINTE_LAGUE.apportion(10, new long[0]))
                .withMessage("At least one weight is needed");
        assertThatIllegalArgumentException().isThrownBy(() -> SAINTE_LAGUE.apportion(10, (long[]) null))
                .withMessage("At least one weight is needed");
    }

    @Test
    void refusesAMissingBigIntegerWeight() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DHONDT.apportion(10, new BigInteger[] {BigInteger.ONE, null}))
                .withMessage("Weight 1 is missing");
    }
}
