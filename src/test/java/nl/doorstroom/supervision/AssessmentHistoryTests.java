package nl.doorstroom.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import nl.doorstroom.progress.Colour;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.junit.jupiter.api.Test;

class AssessmentHistoryTests {

    static final MunicipalityCode ZEIST = MunicipalityCode.of("GM0355");

    /** Rows newest first from colours oldest first; "E" marks a decided excusable half-year. */
    static AssessmentHistory history(String... colours) {
        var rows = new ArrayList<AssessmentRow>();
        var period = new HalfYear(2022, 1);
        for (var c : colours) {
            boolean excusable = c.startsWith("E");
            var colour = Colour.valueOf(excusable ? "RED" : c);
            var decided = excusable ? new Assessment(ZEIST, period, colour, Assessment.Outcome.EXCUSABLE, colour,
                    "brand in de nieuwbouw", 100, 50, "test", Instant.EPOCH, 0) : null;
            rows.add(0, new AssessmentRow(ZEIST, "Zeist", ProvinceCode.of("PV26"), period, colour, 100, 50, false, decided));
            period = period.next();
        }
        return new AssessmentHistory(ZEIST, "Zeist", List.copyOf(rows));
    }

    @Test
    void countsMissedHalfYearsBackFromTheLast() {
        assertThat(history("GREEN", "RED", "ORANGE", "RED", "RED").missedInARow()).isEqualTo(4);
    }

    @Test
    void aMetHalfYearEndsTheRun() {
        assertThat(history("RED", "RED", "GREEN", "RED").missedInARow()).isEqualTo(1);
        assertThat(history("RED", "RED", "RED").missedInARow()).isEqualTo(3);
        assertThat(history("RED", "GREEN").missedInARow()).isZero();
    }

    @Test
    void anExcusableHalfYearEndsTheRun() {
        assertThat(history("RED", "RED", "RED", "E", "RED").missedInARow()).isEqualTo(1);
    }

    @Test
    void anOverrideCounts() {
        var period = new HalfYear(2026, 1);
        var overridden = new Assessment(ZEIST, period, Colour.RED, Assessment.Outcome.OVERRIDDEN, Colour.GREEN,
                "late cijfers van COA", 100, 99, "test", Instant.EPOCH, 0);
        var row = new AssessmentRow(ZEIST, "Zeist", ProvinceCode.of("PV26"), period, Colour.RED, 100, 99, false, overridden);

        assertThat(row.colour()).isEqualTo(Colour.GREEN);
        assertThat(row.missed()).isFalse();
        assertThat(new AssessmentHistory(ZEIST, "Zeist", List.of(row)).missedInARow()).isZero();
    }

    @Test
    void confirmingAProposalKeepsAnExcuseRecordedOnTheProgressPages() {
        var period = new HalfYear(2026, 1);
        var confirmed = new Assessment(ZEIST, period, Colour.RED, Assessment.Outcome.CONFIRMED, Colour.RED, null, 100, 50,
                "test", Instant.EPOCH, 0);
        var excusedThere = new AssessmentRow(ZEIST, "Zeist", ProvinceCode.of("PV26"), period, Colour.RED, 100, 50, true,
                confirmed);
        var overridden = new AssessmentRow(ZEIST, "Zeist", ProvinceCode.of("PV26"), period, Colour.ORANGE, 100, 50, true,
                new Assessment(ZEIST, period, Colour.ORANGE, Assessment.Outcome.OVERRIDDEN, Colour.RED, "toch rood", 100,
                        50, "test", Instant.EPOCH, 0));

        assertThat(excusedThere.missed()).isFalse();
        assertThat(overridden.missed()).isTrue();
    }

    @Test
    void thePolicyCountsOnlyDecidedHalfYears() {
        var period = new HalfYear(2026, 1);
        var pending = new AssessmentRow(ZEIST, "Zeist", ProvinceCode.of("PV26"), period, Colour.RED, 100, 50, false, null);
        var older = history("RED", "RED", "RED", "E").rows().stream().toList();
        var decided = new ArrayList<AssessmentRow>();
        for (var r : history("RED", "RED", "RED").rows()) {
            decided.add(new AssessmentRow(r.code(), r.name(), r.province(), r.period(), r.proposed(), 100, 50, false,
                    new Assessment(ZEIST, r.period(), r.proposed(), Assessment.Outcome.CONFIRMED, r.proposed(), null, 100,
                            50, "test", Instant.EPOCH, 0)));
        }
        var withPending = new ArrayList<AssessmentRow>();
        withPending.add(pending);
        withPending.addAll(decided);

        assertThat(new AssessmentHistory(ZEIST, "Zeist", decided).decidedMissedInARow()).isEqualTo(3);
        assertThat(new AssessmentHistory(ZEIST, "Zeist", withPending).decidedMissedInARow()).isZero();
        assertThat(new AssessmentHistory(ZEIST, "Zeist", withPending).missedInARow()).isEqualTo(4);
        assertThat(older).isNotEmpty();
    }
}
