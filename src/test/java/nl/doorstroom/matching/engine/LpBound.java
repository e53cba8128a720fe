package nl.doorstroom.matching.engine;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import com.google.ortools.linearsolver.MPSolver;

/**
 * Benchmark only: the exact optimum of the LP relaxation of a {@link LinkingInstance} (x(h,m) in [0,1],
 * Σ_m x(h,m) ≤ 1, Σ_h persons(h)·x(h,m) ≤ capacity(m), maximise Σ score·x), two independent ways.
 * <p>
 * Because a household uses the same number of persons wherever it goes, y(h,m) = persons(h)·x(h,m) turns
 * the LP into a transportation problem: household h supplies persons(h) units, municipality m takes at most
 * capacity(m), a unit from h to m earns score(h,m)/persons(h), and a unit may stay unlinked for 0. Persons
 * 1 to 6 all divide 60, so 60·score/persons is an integer and an integer min-cost flow gives the LP optimum
 * exactly, in seconds even at 200,000 households ({@link #byMinCostFlow}). {@link #byGlop} solves the LP as
 * written with OR-Tools GLOP (a simplex), as a check of the first; it is slower and meant for ≤ 20,000.
 */
final class LpBound {

    /** The LP optimum, how it was found, and the seconds it took. */
    record Result(double value, String method, double seconds) {

        /** The integer bound: every solution's objective is an integer ≤ the LP optimum. */
        long floor() {
            return (long) Math.floor(value + 1e-6);
        }
    }

    private LpBound() {
    }

    static Result byMinCostFlow(LinkingInstance instance) {
        long started = System.nanoTime();
        Loader.loadNativeLibraries();
        int n = instance.householdCount();
        int municipalities = instance.municipalityCount();
        long scale = 1;
        for (int h = 0; h < n; h++) {
            scale = lcm(scale, instance.persons(h));
        }
        int sink = n + municipalities;
        var flow = new MinCostFlow(sink + 1, instance.pairCount() + n + municipalities);
        long persons = 0;
        for (int h = 0; h < n; h++) {
            int p = instance.persons(h);
            persons += p;
            flow.setNodeSupply(h, p);
            for (int pair = instance.firstPair(h); pair < instance.endPair(h); pair++) {
                flow.addArcWithCapacityAndUnitCost(h, n + instance.pairMunicipality(pair), p,
                        -scale * instance.pairScore(pair) / p);
            }
            flow.addArcWithCapacityAndUnitCost(h, sink, p, 0);
        }
        for (int m = 0; m < municipalities; m++) {
            flow.addArcWithCapacityAndUnitCost(n + m, sink, instance.capacity(m), 0);
        }
        flow.setNodeSupply(sink, -persons);
        var status = flow.solve();
        if (status != MinCostFlowBase.Status.OPTIMAL) {
            throw new IllegalStateException("min-cost flow: " + status);
        }
        double value = -flow.getOptimalCost() / (double) scale;
        flow.delete();
        return new Result(value, "exact LP optimum by min-cost flow", (System.nanoTime() - started) / 1e9);
    }

    static Result byGlop(LinkingInstance instance, double seconds) {
        long started = System.nanoTime();
        Loader.loadNativeLibraries();
        var solver = MPSolver.createSolver("GLOP");
        solver.setTimeLimit((long) (seconds * 1000));
        var household = new com.google.ortools.linearsolver.MPConstraint[instance.householdCount()];
        var municipality = new com.google.ortools.linearsolver.MPConstraint[instance.municipalityCount()];
        for (int h = 0; h < household.length; h++) {
            household[h] = solver.makeConstraint(0, 1);
        }
        for (int m = 0; m < municipality.length; m++) {
            municipality[m] = solver.makeConstraint(0, instance.capacity(m));
        }
        var objective = solver.objective();
        for (int h = 0; h < household.length; h++) {
            for (int pair = instance.firstPair(h); pair < instance.endPair(h); pair++) {
                var x = solver.makeNumVar(0, 1, "");
                household[h].setCoefficient(x, 1);
                municipality[instance.pairMunicipality(pair)].setCoefficient(x, instance.persons(h));
                objective.setCoefficient(x, instance.pairScore(pair));
            }
        }
        objective.setMaximization();
        var status = solver.solve();
        double value = status == MPSolver.ResultStatus.OPTIMAL ? objective.value() : Double.NaN;
        solver.delete();
        return new Result(value, "LP by GLOP (" + status + ")", (System.nanoTime() - started) / 1e9);
    }

    private static long lcm(long a, long b) {
        long x = a;
        long y = b;
        while (y != 0) {
            long t = x % y;
            x = y;
            y = t;
        }
        return a / x * b;
    }
}
