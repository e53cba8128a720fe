package nl.doorstroom.quota;

import java.time.Instant;
import java.time.LocalDate;
import java.util.SortedSet;

import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.MunicipalityCode;

/**
 * A merger of municipalities (Huisvestingswet 2014 art. 30): from the {@code effective} half-year the
 * quota history of the predecessors continues on the successor, whose population figure the
 * province set.
 */
public record Merger(long id, MunicipalityCode successor, SortedSet<MunicipalityCode> predecessors,
        HalfYear effective, long population, LocalDate decidedOn, String reason, String recordedBy,
        Instant recordedAt) {

    /** The municipality whose quota a code counts toward in a period: its successor once merged. */
    public boolean absorbs(MunicipalityCode code, HalfYear period) {
        return predecessors.contains(code) && period.compareTo(effective) >= 0;
    }

    /**
     * Whether the province's figure is the successor's population in a period's quota (art. 30):
     * from the merger's first half-year for as long as the population the law counts for that
     * half-year (1 January of the year before, art. 29(1)) predates the merger. From then on the
     * counted population is the merged municipality's own.
     */
    public boolean setsPopulationOf(HalfYear period) {
        return setsPopulationOf(period, period.populationReferenceDate());
    }

    /**
     * As {@link #setsPopulationOf(HalfYear)}, for a computation from a population version counted on
     * another date than the law's (a version chosen by hand): what matters is whether the figures
     * actually used predate the merger.
     */
    public boolean setsPopulationOf(HalfYear period, java.time.LocalDate countedOn) {
        return period.compareTo(effective) >= 0 && countedOn.isBefore(effective.start());
    }
}
