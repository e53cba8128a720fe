package nl.doorstroom.matching;

import java.util.List;

import nl.doorstroom.shared.MunicipalityCode;

/**
 * How fairly a run shares the work: per municipality the share of its remaining capacity the proposals
 * fill, and per household size band the share linked and the median waiting time, linked and not.
 */
public record Fairness(List<MunicipalityShare> municipalities, List<SizeBand> sizeBands) {

    /**
     * @param capacity remaining capacity in persons when the run started
     * @param proposedPersons persons proposed to the municipality
     */
    public record MunicipalityShare(MunicipalityCode code, String name, long correctedQuota, long capacity,
            int proposedHouseholds, long proposedPersons) {

        /** Persons proposed as a share of the remaining capacity in percent; null without capacity. */
        public Double filledPercent() {
            return capacity <= 0 ? null : 100.0 * proposedPersons / capacity;
        }
    }

    /**
     * @param medianDaysLinked median days since the permit of the linked households; null when none
     * @param medianDaysUnlinked the same for the households left unlinked; null when none
     */
    public record SizeBand(String band, int households, int linkedHouseholds, Integer medianDaysLinked,
            Integer medianDaysUnlinked) {

        public double linkedPercent() {
            return households == 0 ? 0 : 100.0 * linkedHouseholds / households;
        }
    }
}
