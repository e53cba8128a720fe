package nl.doorstroom.progress;

import java.time.temporal.ChronoUnit;

import nl.doorstroom.shared.HalfYear;

/**
 * The sum over a set of municipalities (a province, a region, the nation) for one half-year.
 *
 * @param remaining what the municipalities behind still have to house (advances elsewhere do not offset it)
 * @param advance what the municipalities ahead housed beyond their corrected quota
 */
public record PeriodTotals(HalfYear period, boolean complete, int municipalities, long quota, long carriedIn,
        long correctedQuota, long housed, double expected, long remaining, long advance, double behindPace,
        double weeklyPace, int green, int orange, int red, int excused, int met) {

    public Double realisationPercent() {
        return correctedQuota <= 0 ? null : 100.0 * housed / correctedQuota;
    }

    /**
     * The municipalities' gap to the pace in weeks of their joint pace: what those behind lack, divided
     * by what all together should house per week. An advance elsewhere does not make up for it.
     */
    public double weeksBehind() {
        return weeklyPace <= 0 ? 0 : behindPace / weeklyPace;
    }

    static PeriodTotals of(HalfYear period, boolean complete, Iterable<PeriodProgress> rows) {
        int n = 0, green = 0, orange = 0, red = 0, excused = 0, met = 0;
        long quota = 0, carried = 0, corrected = 0, housed = 0, remaining = 0, advance = 0;
        double expected = 0, behind = 0, weekly = 0;
        double weeksInPeriod = (ChronoUnit.DAYS.between(period.start(), period.end()) + 1) / 7.0;
        for (var row : rows) {
            n++;
            quota += row.quota();
            carried += row.carriedIn();
            corrected += row.correctedQuota();
            housed += row.housed();
            expected += row.expected();
            remaining += row.shortfall();
            advance += row.advance();
            behind += Math.max(0, row.expected() - row.housed());
            weekly += Math.max(0, row.correctedQuota()) / weeksInPeriod;
            if (row.balance() <= 0) {
                met++;
            }
            switch (row.colour()) {
                case GREEN -> green++;
                case ORANGE -> orange++;
                case RED -> red++;
            }
            if (row.excused()) {
                excused++;
            }
        }
        return new PeriodTotals(period, complete, n, quota, carried, corrected, housed, expected, remaining, advance,
                behind, weekly, green, orange, red, excused, met);
    }
}
