package nl.doorstroom.housingmarket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;

import nl.doorstroom.shared.InvalidInput.Problem;
import org.junit.jupiter.api.Test;

/** The rules of one municipality's figures: every bad field named, allocated at most the vacancies. */
class FiguresFormTests {

    static FiguresForm form(int homes, int vacancies, Integer allocated, Integer seekers, Double wait) {
        var h = new EnumMap<SizeBand, Integer>(SizeBand.class);
        var v = new EnumMap<SizeBand, Integer>(SizeBand.class);
        for (var band : SizeBand.values()) {
            h.put(band, homes);
            v.put(band, vacancies);
        }
        return new FiguresForm(h, v, allocated, seekers, wait, null);
    }

    @Test
    void rightFiguresHaveNoProblems() {
        assertThat(form(100, 10, 40, 500, 48.5).problems()).isEmpty();
        assertThat(form(0, 0, 0, 0, 0.0).problems()).isEmpty();
    }

    @Test
    void everyBadFieldIsNamed() {
        var h = new EnumMap<SizeBand, Integer>(SizeBand.class);
        h.put(SizeBand.SMALL, -1);
        h.put(SizeBand.MEDIUM, 5);
        var v = new EnumMap<SizeBand, Integer>(Map.of(SizeBand.SMALL, 1, SizeBand.MEDIUM, 1, SizeBand.LARGE, 1,
                SizeBand.EXTRA_LARGE, 3_000_000));
        var problems = new FiguresForm(h, v, -2, null, 700.0, -3).problems();
        assertThat(problems).extracting(Problem::field).containsExactly("homes.SMALL", "homes.LARGE",
                "homes.EXTRA_LARGE", "vacancies.EXTRA_LARGE", "allocated", "activeSeekers", "medianWaitMonths",
                "newSeekersPerYear");
        assertThat(problems).extracting(Problem::messageKey).containsExactly("housingmarket.value.negative",
                "housingmarket.value.missing", "housingmarket.value.missing", "housingmarket.value.tooLarge",
                "housingmarket.value.negative", "housingmarket.value.missing", "housingmarket.wait.tooLong",
                "housingmarket.value.negative");
    }

    @Test
    void noMoreAllocatedToPermitHoldersThanCameVacant() {
        assertThat(form(100, 10, 40, 5, 12.0).problems()).isEmpty();
        var problems = form(100, 10, 41, 5, 12.0).problems();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("allocated");
            assertThat(p.messageKey()).isEqualTo("housingmarket.allocated.aboveVacancies");
            assertThat(p.arguments()).containsExactly(41, 40);
        });
    }

    @Test
    void theMedianWaitIsRequiredAndNewSeekersAreNot() {
        assertThat(form(1, 1, 0, 1, null).problems()).extracting(Problem::field).containsExactly("medianWaitMonths");
    }
}
