package nl.doorstroom.matching.engine;

/**
 * The engine's answer: for each household the index of its municipality or -1, the total score, and an
 * upper bound on the optimum that the engine proved (so the gap is known).
 */
public record LinkingSolution(int[] assignment, long objective, long bound, int linkedHouseholds, long linkedPersons,
        long overflowPersons, double seconds) {

    public double gap() {
        return bound == 0 ? 0 : (bound - objective) / (double) bound;
    }

    /** The summary line of the command: {@code objective=… bound=… linked_households=… …}. */
    public String summary() {
        return "objective=" + objective + " bound=" + bound + " linked_households=" + linkedHouseholds
                + " linked_persons=" + linkedPersons + " overflow_persons=" + overflowPersons + " seconds="
                + String.format(java.util.Locale.ROOT, "%.3f", seconds);
    }
}
