package nl.doorstroom.housingmarket.engine;

import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import nl.doorstroom.housingmarket.SizeBand;

/**
 * Everything one simulation run needs, as plain numbers (expected values, fractions allowed).
 *
 * @param weeks how many weeks to simulate (1 to 104)
 * @param vacanciesPerWeek social-rental homes that fall vacant a week, by size band (yearly vacancies / 52)
 * @param extraHomesPerWeek homes a week on top of the vacancies (new building, temporary sites), by size band
 * @param share the allocation share: the fraction of every week's homes offered to permit holders, 0 to 1
 * @param currentShare the allocation share as reported now (the reference for the extra waiting time, and for
 *        the arrivals of regular seekers when they are not known)
 * @param awaiting linked permit-holder households awaiting a home, by household size in persons
 * @param newLinksPerWeek households newly linked a week, by household size in persons
 * @param correctedQuota persons to house this half-year (quota plus carry-over)
 * @param housedSoFar persons housed this half-year before the first simulated week
 * @param weeksLeftInHalfYear weeks from the start to the end of the half-year (the needed share is judged there)
 * @param seekersWaiting active regular seekers on the waiting list at the start
 * @param seekerArrivalsPerWeek regular seekers joining the list a week; null for the steady state at the current
 *        share (as many join as are housed: the list neither grows nor shrinks if nothing changes)
 */
public record SimulationInput(int weeks, Map<SizeBand, Double> vacanciesPerWeek, Map<SizeBand, Double> extraHomesPerWeek,
        double share, double currentShare, SortedMap<Integer, Double> awaiting, SortedMap<Integer, Double> newLinksPerWeek,
        double correctedQuota, double housedSoFar, int weeksLeftInHalfYear, double seekersWaiting,
        Double seekerArrivalsPerWeek) {

    public static final int MAX_WEEKS = 104;

    public SimulationInput {
        if (weeks < 1 || weeks > MAX_WEEKS) {
            throw new IllegalArgumentException("A simulation runs 1 to " + MAX_WEEKS + " weeks: " + weeks);
        }
        checkShare(share);
        checkShare(currentShare);
        vacanciesPerWeek = complete(vacanciesPerWeek);
        extraHomesPerWeek = complete(extraHomesPerWeek);
        awaiting = households(awaiting);
        newLinksPerWeek = households(newLinksPerWeek);
        if (housedSoFar < 0 || seekersWaiting < 0
                || seekerArrivalsPerWeek != null && seekerArrivalsPerWeek < 0) {
            throw new IllegalArgumentException("Negative figures in a simulation input");
        }
        weeksLeftInHalfYear = Math.max(0, weeksLeftInHalfYear);
    }

    private static void checkShare(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("An allocation share lies between 0 and 1: " + share);
        }
    }

    private static Map<SizeBand, Double> complete(Map<SizeBand, Double> byBand) {
        var all = new EnumMap<SizeBand, Double>(SizeBand.class);
        for (var band : SizeBand.values()) {
            double value = byBand == null ? 0 : byBand.getOrDefault(band, 0.0);
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("Homes a week for " + band + " must be 0 or more: " + value);
            }
            all.put(band, value);
        }
        return Map.copyOf(all);
    }

    private static SortedMap<Integer, Double> households(Map<Integer, Double> bySize) {
        var sorted = new TreeMap<Integer, Double>();
        if (bySize != null) {
            bySize.forEach((persons, count) -> {
                if (persons == null || persons < 1) {
                    throw new IllegalArgumentException("A household has at least one person: " + persons);
                }
                if (!(count >= 0) || Double.isInfinite(count)) {
                    throw new IllegalArgumentException("Households of " + persons + " must be 0 or more: " + count);
                }
                if (count > 0) {
                    sorted.put(persons, count);
                }
            });
        }
        return java.util.Collections.unmodifiableSortedMap(sorted);
    }

    public double homesPerWeek(SizeBand band) {
        return vacanciesPerWeek.get(band) + extraHomesPerWeek.get(band);
    }

    public double vacanciesPerWeekTotal() {
        return vacanciesPerWeek.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public double extraHomesPerWeekTotal() {
        return extraHomesPerWeek.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * Regular seekers joining a week: as given, or (steady state) the vacancies that go to regular seekers at the
     * current share, so that without a change of share the list stays as long as it is.
     */
    public double arrivalsPerWeek() {
        return seekerArrivalsPerWeek != null ? seekerArrivalsPerWeek : (1 - currentShare) * vacanciesPerWeekTotal();
    }

    /**
     * Today's situation, the reference of the extra waiting time: the current share and no extra homes. Extra homes
     * are part of an option (like a higher share), so measured against a reference that has them too, the relief
     * they bring regular seekers would never show.
     */
    public SimulationInput statusQuo() {
        return withShare(currentShare).withExtraHomes(Map.of());
    }

    public SimulationInput withShare(double newShare) {
        return new SimulationInput(weeks, vacanciesPerWeek, extraHomesPerWeek, newShare, currentShare, awaiting,
                newLinksPerWeek, correctedQuota, housedSoFar, weeksLeftInHalfYear, seekersWaiting, seekerArrivalsPerWeek);
    }

    public SimulationInput withWeeks(int newWeeks) {
        return new SimulationInput(newWeeks, vacanciesPerWeek, extraHomesPerWeek, share, currentShare, awaiting,
                newLinksPerWeek, correctedQuota, housedSoFar, weeksLeftInHalfYear, seekersWaiting, seekerArrivalsPerWeek);
    }

    public SimulationInput withVacancies(Map<SizeBand, Double> newVacancies) {
        return new SimulationInput(weeks, newVacancies, extraHomesPerWeek, share, currentShare, awaiting,
                newLinksPerWeek, correctedQuota, housedSoFar, weeksLeftInHalfYear, seekersWaiting, seekerArrivalsPerWeek);
    }

    public SimulationInput withExtraHomes(Map<SizeBand, Double> newExtra) {
        return new SimulationInput(weeks, vacanciesPerWeek, newExtra, share, currentShare, awaiting,
                newLinksPerWeek, correctedQuota, housedSoFar, weeksLeftInHalfYear, seekersWaiting, seekerArrivalsPerWeek);
    }

    public SimulationInput withHouseholds(SortedMap<Integer, Double> newAwaiting, SortedMap<Integer, Double> newLinks) {
        return new SimulationInput(weeks, vacanciesPerWeek, extraHomesPerWeek, share, currentShare, newAwaiting,
                newLinks, correctedQuota, housedSoFar, weeksLeftInHalfYear, seekersWaiting, seekerArrivalsPerWeek);
    }

    public SimulationInput withArrivalsPerWeek(Double newArrivals) {
        return new SimulationInput(weeks, vacanciesPerWeek, extraHomesPerWeek, share, currentShare, awaiting,
                newLinksPerWeek, correctedQuota, housedSoFar, weeksLeftInHalfYear, seekersWaiting, newArrivals);
    }

    /** Vacancies a week from yearly vacancies. */
    public static Map<SizeBand, Double> weekly(Map<SizeBand, ? extends Number> perYear) {
        var weekly = new EnumMap<SizeBand, Double>(SizeBand.class);
        perYear.forEach((band, value) -> weekly.put(band, value.doubleValue() / 52.0));
        return weekly;
    }
}
