package nl.doorstroom.housingmarket.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import nl.doorstroom.housingmarket.SizeBand;

/**
 * Which inputs move the answer most: each input in turn 20% lower and 20% higher, the others as they are
 * (one at a time), with the shortfall and the extra waiting time at the end of the run.
 */
public final class Sensitivity {

    /** How far each input is moved down and up. */
    public static final double STEP = 0.2;

    /** The inputs that are moved. */
    public enum Factor {
        /** Yearly vacancies of every size band. */
        VACANCIES,
        /** Household sizes: a fifth of the households of every size one person smaller, or one larger. */
        HOUSEHOLD_SIZES,
        /** The allocation share (at most 100%). */
        SHARE,
        /** Regular seekers joining the waiting list a week. */
        NEW_SEEKERS,
        /** Extra homes a week (new building, temporary sites). */
        EXTRA_HOMES,
        /** Households newly linked a week. */
        NEW_LINKS;

        public String messageKey() {
            return "housingmarket.simulation.factor." + name();
        }
    }

    /**
     * One input's swing: the results with the input 20% lower and 20% higher.
     *
     * @param extraWaitLow extra waiting time in months at the end with the input lower (null when unknown)
     */
    public record Swing(Factor factor, double shortfallLow, double shortfallHigh, Double extraWaitLow,
            Double extraWaitHigh, double baseShortfall, Double baseExtraWait) {

        /** How far the shortfall moves between the two ends. */
        public double shortfallSwing() {
            return Math.abs(shortfallHigh - shortfallLow);
        }

        public double extraWaitSwing() {
            return extraWaitLow == null || extraWaitHigh == null ? 0 : Math.abs(extraWaitHigh - extraWaitLow);
        }
    }

    private Sensitivity() {
    }

    /** The swings, the largest shortfall swing first (the order of a tornado chart). */
    public static List<Swing> of(SimulationInput input) {
        var base = outcome(input);
        var swings = new ArrayList<Swing>();
        for (var factor : Factor.values()) {
            var low = outcome(moved(input, factor, 1 - STEP));
            var high = outcome(moved(input, factor, 1 + STEP));
            swings.add(new Swing(factor, low.shortfall, high.shortfall, low.extraWait, high.extraWait, base.shortfall,
                    base.extraWait));
        }
        swings.sort(Comparator.comparingDouble(Swing::shortfallSwing).thenComparingDouble(Swing::extraWaitSwing)
                .reversed());
        return List.copyOf(swings);
    }

    private record Outcome(double shortfall, Double extraWait) {
    }

    private static Outcome outcome(SimulationInput input) {
        var simulation = AllocationSimulator.run(input);
        var current = AllocationSimulator.run(input.statusQuo());
        var extra = Comparison.extraWait(simulation, current);
        return new Outcome(simulation.last().shortfall(), extra.get(extra.size() - 1));
    }

    static SimulationInput moved(SimulationInput input, Factor factor, double by) {
        switch (factor) {
            case VACANCIES:
                return input.withVacancies(scaled(input.vacanciesPerWeek(), by));
            case EXTRA_HOMES:
                return input.withExtraHomes(scaled(input.extraHomesPerWeek(), by));
            case SHARE:
                return input.withShare(Math.min(1, input.share() * by));
            case NEW_SEEKERS:
                // The steady-state arrivals are fixed by the current share; moved, they become given figures.
                return input.withArrivalsPerWeek(input.arrivalsPerWeek() * by);
            case NEW_LINKS:
                return input.withHouseholds(input.awaiting(), scaledCounts(input.newLinksPerWeek(), by));
            case HOUSEHOLD_SIZES:
                int direction = by > 1 ? 1 : -1;
                double fraction = Math.abs(by - 1);
                return input.withHouseholds(shifted(input.awaiting(), direction, fraction),
                        shifted(input.newLinksPerWeek(), direction, fraction));
            default:
                throw new IllegalArgumentException(String.valueOf(factor));
        }
    }

    private static Map<SizeBand, Double> scaled(Map<SizeBand, Double> byBand, double by) {
        var scaled = new EnumMap<SizeBand, Double>(SizeBand.class);
        byBand.forEach((band, value) -> scaled.put(band, value * by));
        return scaled;
    }

    private static SortedMap<Integer, Double> scaledCounts(SortedMap<Integer, Double> bySize, double by) {
        var scaled = new TreeMap<Integer, Double>();
        bySize.forEach((persons, count) -> scaled.put(persons, count * by));
        return scaled;
    }

    /** A fraction of the households of every size moved one person up or down (a one-person household stays). */
    static SortedMap<Integer, Double> shifted(SortedMap<Integer, Double> bySize, int direction, double fraction) {
        var shifted = new TreeMap<Integer, Double>();
        bySize.forEach((persons, count) -> {
            int to = persons + direction;
            if (to < 1) {
                shifted.merge(persons, count, Double::sum);
                return;
            }
            shifted.merge(persons, count * (1 - fraction), Double::sum);
            shifted.merge(to, count * fraction, Double::sum);
        });
        return shifted;
    }
}
