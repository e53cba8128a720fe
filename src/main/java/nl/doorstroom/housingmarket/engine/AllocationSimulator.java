package nl.doorstroom.housingmarket.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.TreeMap;

import nl.doorstroom.housingmarket.SizeBand;

/**
 * The weekly model of the allocation share, in expected values (no randomness): the same input gives the same
 * result, fractions of homes and households included.
 *
 * <p>Each week, for every size band from the largest to the smallest, the band's homes (vacancies plus extra homes)
 * are split: the allocation share is offered to permit holders, the rest goes to regular seekers. A home offered to
 * permit holders goes to a waiting household that fits it ({@link SizeBand#suits}), the largest such household
 * first, because the large homes are the scarce ones and a small household can also take a smaller home. If no
 * fitting household waits, the home goes to a regular seeker. So every home goes to exactly one household.
 *
 * <p>Regular seekers form one queue: seekers join at a fixed rate, the homes that go to regular seekers serve it.
 * The expected waiting time of a seeker joining in week t is the queue length divided by the service rate (Little's
 * law, L = λW, for a first-come-first-served queue), where the service rate is the mean number of homes that went
 * to regular seekers a week so far.
 */
public final class AllocationSimulator {

    /** Weeks a year over months a year: converts weeks to months. */
    static final double MONTHS_PER_WEEK = 12.0 / 52.0;

    private static final List<SizeBand> LARGEST_FIRST;

    static {
        var bands = new ArrayList<>(List.of(SizeBand.values()));
        java.util.Collections.reverse(bands);
        LARGEST_FIRST = List.copyOf(bands);
    }

    private AllocationSimulator() {
    }

    /**
     * Little's law for a first-come-first-served queue: a seeker who finds {@code queue} seekers on the list
     * (itself included) waits until they are all served at {@code servedPerWeek}. For exponential service (M/M/1)
     * this is exactly the expected time in the system given the number found on arrival, (n + 1) / μ.
     */
    public static double expectedWaitWeeks(double queue, double servedPerWeek) {
        if (servedPerWeek <= 0) {
            throw new IllegalArgumentException("A queue that is never served has no finite waiting time");
        }
        return queue / servedPerWeek;
    }

    public static Simulation run(SimulationInput input) {
        var waiting = new TreeMap<Integer, Double>(input.awaiting());
        var withoutTaker = new EnumMap<SizeBand, Double>(SizeBand.class);
        for (var band : SizeBand.values()) {
            withoutTaker.put(band, 0.0);
        }
        double arrivals = input.arrivalsPerWeek();
        double queue = input.seekersWaiting();
        double housedPersons = 0;
        double housedHouseholds = 0;
        double regularSoFar = 0;
        var weeks = new ArrayList<SimulatedWeek>(input.weeks());
        for (int week = 1; week <= input.weeks(); week++) {
            // New links arrive at the start of the week and may be housed in it.
            input.newLinksPerWeek().forEach((persons, count) -> waiting.merge(persons, count, Double::sum));
            double homes = 0;
            double toPermitHolders = 0;
            for (var band : LARGEST_FIRST) {
                double bandHomes = input.homesPerWeek(band);
                double offered = input.share() * bandHomes;
                double left = offered;
                for (var persons : new ArrayList<>(waiting.descendingKeySet())) {
                    if (left <= 0) {
                        break;
                    }
                    if (!band.suits(persons)) {
                        continue;
                    }
                    double households = waiting.get(persons);
                    double taken = Math.min(left, households);
                    if (taken >= households) {
                        waiting.remove(persons);
                    }
                    else {
                        waiting.put(persons, households - taken);
                    }
                    left -= taken;
                    housedHouseholds += taken;
                    housedPersons += taken * persons;
                }
                homes += bandHomes;
                toPermitHolders += offered - left;
                withoutTaker.merge(band, left, Double::sum);
            }
            // Whatever did not go to a permit holder goes to a regular seeker: every home to exactly one household.
            double toRegular = homes - toPermitHolders;
            regularSoFar += toRegular;
            queue = Math.max(0, queue + arrivals - toRegular);
            double serviceRate = regularSoFar / week;
            Double waitMonths = serviceRate > 0 ? expectedWaitWeeks(queue, serviceRate) * MONTHS_PER_WEEK : null;
            double shortfall = Math.max(0, input.correctedQuota() - input.housedSoFar() - housedPersons);
            double awaitingNow = waiting.values().stream().mapToDouble(Double::doubleValue).sum();
            weeks.add(new SimulatedWeek(week, homes, toPermitHolders, toRegular, housedPersons, housedHouseholds,
                    awaitingNow, shortfall, queue, waitMonths));
        }
        return new Simulation(input.share(), weeks, withoutTaker, waiting);
    }
}
