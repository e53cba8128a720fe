package nl.doorstroom.matching;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import nl.doorstroom.permitholders.FirmCriterion;
import nl.doorstroom.shared.MunicipalityCode;

/** A household as a run saw it when it started: the inputs of its scores, kept with the run. */
record RunHousehold(long id, int version, String reference, int persons, int schoolAgeChildren, LocalDate permitDate,
        MunicipalityCode locationMunicipality, String region, List<FirmCriterion> criteria, int position) {

    int daysWaiting(LocalDate runDate) {
        return (int) Math.max(0, ChronoUnit.DAYS.between(permitDate, runDate));
    }

    /** The size band of the fairness view: 1, 2, 3-4, 5 or more persons. */
    String sizeBand() {
        return sizeBand(persons);
    }

    static String sizeBand(int persons) {
        return persons == 1 ? "1" : persons == 2 ? "2" : persons <= 4 ? "3-4" : "5+";
    }
}
