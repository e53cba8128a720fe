package nl.doorstroom.matching.engine;

import java.util.ArrayList;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;

/**
 * Benchmark only: the same linking instance as a CP-SAT model (one 0/1 variable per allowed pair, at most
 * one per household, persons within each capacity, total score maximised), for comparison with the engine.
 * It may be given a solution as a hint (the greedy's). On the bench instance (20,000 households, 900,000 pairs)
 * CP-SAT with its default parameters spends the 60 s on 2 workers in presolve and returns no solution, hint or
 * not; with presolve off (tried once, not kept: the bench runs CP-SAT as it comes) it accepts the hint as
 * feasible and does not improve on it in 60 s, its bound at 129% of the LP's.
 */
final class CpSatBench {

    record Result(long objective, long bound, String status, double seconds) {
    }

    private CpSatBench() {
    }

    /** @param hint for each household its municipality or -1, or null for no hint */
    static Result solve(LinkingInstance instance, double seconds, int workers, int[] hint) {
        long started = System.nanoTime();
        Loader.loadNativeLibraries();
        var model = new CpModel();
        var variables = new Literal[instance.pairCount()];
        var perMunicipality = new ArrayList<ArrayList<Integer>>();
        for (int m = 0; m < instance.municipalityCount(); m++) {
            perMunicipality.add(new ArrayList<>());
        }
        for (int pair = 0; pair < instance.pairCount(); pair++) {
            variables[pair] = model.newBoolVar("x" + pair);
            perMunicipality.get(instance.pairMunicipality(pair)).add(pair);
        }
        long[] scores = new long[instance.pairCount()];
        for (int h = 0; h < instance.householdCount(); h++) {
            int from = instance.firstPair(h);
            int to = instance.endPair(h);
            if (to - from > 1) {
                var own = new Literal[to - from];
                for (int pair = from; pair < to; pair++) {
                    own[pair - from] = variables[pair];
                }
                model.addAtMostOne(own);
            }
            for (int pair = from; pair < to; pair++) {
                scores[pair] = instance.pairScore(pair);
                if (hint != null) {
                    model.addHint(variables[pair], hint[h] == instance.pairMunicipality(pair));
                }
            }
        }
        var pairOwner = new int[instance.pairCount()];
        for (int h = 0; h < instance.householdCount(); h++) {
            for (int pair = instance.firstPair(h); pair < instance.endPair(h); pair++) {
                pairOwner[pair] = h;
            }
        }
        for (int m = 0; m < instance.municipalityCount(); m++) {
            var pairs = perMunicipality.get(m);
            var literals = new Literal[pairs.size()];
            var weights = new long[pairs.size()];
            for (int i = 0; i < pairs.size(); i++) {
                literals[i] = variables[pairs.get(i)];
                weights[i] = instance.persons(pairOwner[pairs.get(i)]);
            }
            model.addLessOrEqual(LinearExpr.weightedSum(literals, weights), instance.capacity(m));
        }
        model.maximize(LinearExpr.weightedSum(variables, scores));
        double built = (System.nanoTime() - started) / 1e9;
        var solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(seconds);
        solver.getParameters().setNumWorkers(workers);
        var status = solver.solve(model);
        boolean found = status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE;
        return new Result(found ? (long) solver.objectiveValue() : -1, (long) Math.floor(solver.bestObjectiveBound()),
                status + String.format(java.util.Locale.ROOT, " (model built in %.1f s)", built),
                (System.nanoTime() - started) / 1e9);
    }
}
