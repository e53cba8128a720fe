package nl.doorstroom.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EffortIndexTests {

    @Test
    void theIndexIsTheMeanOfThePartsThereAre() {
        assertThat(new EffortIndex(50.0, 150.0, null, 100.0).value()).isEqualTo(100);
        assertThat(new EffortIndex(50.0, 150.0, null, 100.0).parts()).isEqualTo(3);
        assertThat(new EffortIndex(null, null, null, null).value()).isNull();
    }

    @Test
    void onePartCountsForAtMostTwiceItsShare() {
        assertThat(new EffortIndex(0.0, 900.0, null, null).value()).isEqualTo(100);
    }

    @Test
    void aPartWithoutAFairShareHasNoFigure() {
        assertThat(EffortIndex.percent(10, 0)).isNull();
        assertThat(EffortIndex.percent(10, 20)).isEqualTo(50.0);
    }
}
