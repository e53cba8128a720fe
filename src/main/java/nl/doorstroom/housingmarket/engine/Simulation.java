package nl.doorstroom.housingmarket.engine;

import java.util.List;
import java.util.Map;

import nl.doorstroom.housingmarket.SizeBand;

/**
 * The result of one run at one allocation share.
 *
 * @param offeredWithoutTaker by band: homes offered to permit holders over the whole run for which no fitting
 *        household was waiting, so they went to regular seekers
 * @param leftAwaiting households still awaiting a home at the end, by household size
 */
public record Simulation(double share, List<SimulatedWeek> weeks, Map<SizeBand, Double> offeredWithoutTaker,
        java.util.SortedMap<Integer, Double> leftAwaiting) {

    public Simulation {
        weeks = List.copyOf(weeks);
        offeredWithoutTaker = Map.copyOf(offeredWithoutTaker);
    }

    public SimulatedWeek last() {
        return weeks.get(weeks.size() - 1);
    }

    /** The week at the given number (1-based), or the last one when the run is shorter. */
    public SimulatedWeek at(int week) {
        return weeks.get(Math.max(0, Math.min(week, weeks.size()) - 1));
    }

    public double totalOfferedWithoutTaker() {
        return offeredWithoutTaker.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public double totalHomes() {
        return weeks.stream().mapToDouble(SimulatedWeek::homes).sum();
    }

    public double totalToPermitHolders() {
        return weeks.stream().mapToDouble(SimulatedWeek::toPermitHolders).sum();
    }

    public double totalToRegular() {
        return weeks.stream().mapToDouble(SimulatedWeek::toRegular).sum();
    }
}
