package nl.doorstroom.housingmarket.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Several allocation shares side by side, each against today's situation (the current share, no extra homes): per week the extra waiting time of
 * regular seekers, and at the end one trade-off point per share (shortfall against extra waiting time).
 */
public record Comparison(Simulation current, List<Run> runs, NeededShare needed, List<Sensitivity.Swing> sensitivity) {

    /** One share's run, and its extra waiting time per week against the current share (months; null when unknown). */
    public record Run(Simulation simulation, List<Double> extraWaitMonths) {

        public double share() {
            return simulation.share();
        }

        public double shortfallAtEnd() {
            return simulation.last().shortfall();
        }

        public Double extraWaitAtEnd() {
            return extraWaitMonths.get(extraWaitMonths.size() - 1);
        }
    }

    /** Runs the current share and each of the shares; the sensitivity is taken around the highest share. */
    public static Comparison of(SimulationInput input, List<Double> shares) {
        var current = AllocationSimulator.run(input.statusQuo());
        var runs = new ArrayList<Run>();
        for (double share : shares.stream().sorted().distinct().toList()) {
            var simulation = AllocationSimulator.run(input.withShare(share));
            runs.add(new Run(simulation, extraWait(simulation, current)));
        }
        double around = shares.isEmpty() ? input.currentShare() : shares.stream().mapToDouble(Double::doubleValue).max()
                .getAsDouble();
        return new Comparison(current, List.copyOf(runs), NeededShare.of(input),
                Sensitivity.of(input.withShare(around)));
    }

    static List<Double> extraWait(Simulation simulation, Simulation current) {
        var extra = new ArrayList<Double>(simulation.weeks().size());
        for (int i = 0; i < simulation.weeks().size(); i++) {
            Double at = simulation.weeks().get(i).waitMonths();
            Double reference = current.weeks().get(i).waitMonths();
            extra.add(at == null || reference == null ? null : at - reference);
        }
        return extra;
    }
}
