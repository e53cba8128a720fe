package nl.doorstroom.housingmarket;

import java.time.LocalDate;
import java.util.SortedMap;

import nl.doorstroom.housingmarket.engine.Comparison;
import nl.doorstroom.shared.HalfYear;

/**
 * A simulation of an area and what it started from.
 *
 * @param figures the market figures used; null when the area has none for any year
 * @param startOn the first simulated week starts on this day (today)
 * @param weeksLeftInHalfYear weeks from today to the end of the half-year, where the needed share is judged
 * @param correctedQuota persons to house this half-year: housed plus what the municipalities behind still lack
 *        (an advance in one municipality does not make up for another's shortfall)
 * @param awaiting linked households awaiting a home, by size in persons
 * @param newLinksPerWeek households newly linked a week as used
 * @param newLinksFromPace whether that is the recent pace (no figure given)
 * @param arrivalsPerWeek regular seekers joining a week as used
 * @param arrivalsSteadyState whether that is the steady state at the current share (no figure reported)
 * @param comparison the runs, the needed share and the sensitivity; null without figures
 */
public record SimulationResult(SimulationArea area, String areaName, Integer marketYear, MarketFigures figures,
        LocalDate startOn, HalfYear halfYear, int weeks, int weeksLeftInHalfYear, long correctedQuota,
        long housedSoFar, SortedMap<Integer, Long> awaiting, double newLinksPerWeek, boolean newLinksFromPace,
        double arrivalsPerWeek, boolean arrivalsSteadyState, Comparison comparison) {

    public boolean hasFigures() {
        return comparison != null;
    }

    public long awaitingHouseholds() {
        return awaiting.values().stream().mapToLong(Long::longValue).sum();
    }

    public long awaitingPersons() {
        return awaiting.entrySet().stream().mapToLong(e -> e.getKey() * e.getValue()).sum();
    }
}
