package nl.doorstroom.forecasting.engine;

/**
 * One run of the {@link StockFlowModel}, week by week. Stocks and occupancy have {@code weeks() + 1} entries (index
 * 0 is the start, index t the end of week t); flows have {@code weeks()} entries (index t − 1 is week t). For every
 * week: {@code inProcedure[t] − inProcedure[t−1] = inflow − decisions},
 * {@code permitHolders[t] − permitHolders[t−1] = granted + familyReunification − housed},
 * {@code refused[t] − refused[t−1] = refusals − refusedDepartures}, and {@code granted + refusals = decisions}.
 * The arrays are the record's own; do not change them.
 */
public record Trajectory(
        RunParameters parameters,
        double[] inProcedure,
        double[] permitHolders,
        double[] refused,
        double[] occupancy,
        double[] capacity,
        double[] inflow,
        double[] familyReunification,
        double[] decisions,
        double[] granted,
        double[] refusals,
        double[] refusedDepartures,
        double[] housed) {

    public int weeks() {
        return inflow.length;
    }

    /** The others in reception: constant over the run. */
    public double others() {
        return parameters.others();
    }
}
