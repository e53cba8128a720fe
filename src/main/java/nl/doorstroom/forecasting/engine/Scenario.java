package nl.doorstroom.forecasting.engine;

import java.util.List;

/** A named set of parameters to compare with others on one chart; the standard ones start from a baseline. */
public record Scenario(String name, ForecastParameters parameters) {

    public static Scenario baseline(ForecastParameters parameters) {
        return new Scenario("baseline", parameters);
    }

    /**
     * The coordination centre's goal on top of the regular flow: {@code perWeek} extra permit holders housed a week,
     * with a standard deviation of 30% of it, since the goal may be missed or beaten.
     */
    public static Scenario extraPlaces(ForecastParameters parameters, double perWeek) {
        return new Scenario("+%.0f extra places a week".formatted(perWeek),
                parameters.withExtraPlaces(Uncertain.normal(perWeek, 0.3 * perWeek)));
    }

    /**
     * A higher allocation share for permit holders: the quota pace raised by {@code factor} (1.2 is 20% faster),
     * no longer capped at 1 since municipalities then house more than the quota's even pace.
     */
    public static Scenario allocationRaised(ForecastParameters parameters, double factor) {
        var pace = parameters.quotaPace();
        var raised = pace instanceof Uncertain.Normal n
                ? new Uncertain.Normal(n.mean() * factor, n.sd() * factor, n.min(), Double.POSITIVE_INFINITY)
                : pace.scaled(factor);
        return new Scenario("allocation share ×%.2f".formatted(factor), parameters.withQuotaPace(raised));
    }

    /** Asylum inflow raised by {@code share} (0.2 is 20% more), its doubt scaled with it. */
    public static Scenario inflowRaised(ForecastParameters parameters, double share) {
        return new Scenario("inflow +%.0f%%".formatted(share * 100),
                parameters.withInflow(parameters.inflow().scaled(1 + share)));
    }

    /** Baseline, +500 extra places a week, allocation share raised by 20%, inflow +20%. */
    public static List<Scenario> standard(ForecastParameters baseline) {
        return List.of(baseline(baseline), extraPlaces(baseline, 500), allocationRaised(baseline, 1.2),
                inflowRaised(baseline, 0.2));
    }
}
