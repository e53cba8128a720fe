package nl.doorstroom.permitholders;

import java.util.Set;

import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;

/**
 * What to look for in the register; every field may be empty. The reader's scope always applies on top.
 *
 * @param reference the start of a reference
 * @param overdue {@code ANY}, or only households past their stage's norm, past 14 weeks in reception, or
 *        placed under the HAR for longer than six months
 * @param band with {@code OVERDUE}: only this far past the norm
 */
public record HouseholdFilter(String reference, Set<Stage> stages, String region, String location,
        MunicipalityCode municipality, ProvinceCode province, Overdue overdue, OverdueBand band) {

    public enum Overdue {
        ANY, OVERDUE, PAST_14_WEEKS, HAR_OVER_TERM
    }

    public HouseholdFilter {
        stages = stages == null ? Set.of() : Set.copyOf(stages);
        overdue = overdue == null ? Overdue.ANY : overdue;
    }

    public static HouseholdFilter all() {
        return new HouseholdFilter(null, null, null, null, null, null, null, null);
    }
}
