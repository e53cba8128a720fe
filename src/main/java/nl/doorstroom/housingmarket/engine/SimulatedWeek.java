package nl.doorstroom.housingmarket.engine;

/**
 * One simulated week (expected values).
 *
 * @param week 1 for the first simulated week
 * @param homes vacancies plus extra homes this week
 * @param toPermitHolders homes that went to a permit-holder household this week
 * @param toRegular homes that went to a regular seeker this week (including homes offered to permit holders for
 *        which no fitting household was waiting)
 * @param housedPersons persons housed from the start up to and including this week
 * @param housedHouseholds households housed from the start up to and including this week
 * @param awaitingHouseholds linked households still awaiting a home at the end of the week
 * @param shortfall corrected quota minus everyone housed this half-year so far, at least 0
 * @param queue regular seekers on the waiting list at the end of the week
 * @param waitMonths expected waiting time of a regular seeker joining now, in months (Little's law); null when no
 *        homes went to regular seekers at all
 */
public record SimulatedWeek(int week, double homes, double toPermitHolders, double toRegular, double housedPersons,
        double housedHouseholds, double awaitingHouseholds, double shortfall, double queue, Double waitMonths) {
}
