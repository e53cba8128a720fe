package nl.doorstroom.forecasting.engine;

import java.util.ArrayList;
import java.util.List;

/** Reception capacity per week: the places at the start plus every planned opening and closing up to that week. */
public record CapacityPlan(double base, List<CapacityChange> changes) {

    public CapacityPlan {
        changes = List.copyOf(changes);
    }

    public static CapacityPlan constant(double places) {
        return new CapacityPlan(places, List.of());
    }

    public CapacityPlan with(int week, double places) {
        var more = new ArrayList<>(changes);
        more.add(new CapacityChange(week, places));
        return new CapacityPlan(base, more);
    }

    /** Capacity in week {@code week} (0 is the start). */
    public double capacityAt(int week) {
        double capacity = base;
        for (var change : changes) {
            if (change.week() <= week) {
                capacity += change.places();
            }
        }
        return capacity;
    }

    /** Capacity for weeks 0 to {@code weeks}. */
    public double[] capacities(int weeks) {
        var capacities = new double[weeks + 1];
        for (int week = 0; week <= weeks; week++) {
            capacities[week] = capacityAt(week);
        }
        return capacities;
    }

    CapacityPlan scaled(double factor) {
        return new CapacityPlan(base * factor,
                changes.stream().map(c -> new CapacityChange(c.week(), c.places() * factor)).toList());
    }
}
