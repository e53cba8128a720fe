package nl.doorstroom.reception;

import java.time.LocalDate;

/**
 * The national reception picture in one week (Monday to Sunday): occupancy of all locations by group (each
 * location's last figure in the week), the capacity of the locations open at the week's end, the occupancy of
 * the central registration centre(s) and the number waiting in pre-registration places. Counts only.
 *
 * @param week the Monday the week starts on
 * @param locationsReporting how many locations reported a figure in the week (a gap lowers the totals)
 */
public record WeeklyReception(LocalDate week, int inProcedure, int permitHolders, int other, int regularCapacity,
        int emergencyCapacity, int centralRegistration, int preRegistrationWaiting, int locationsReporting) {

    public int total() {
        return inProcedure + permitHolders + other;
    }

    public int capacity() {
        return regularCapacity + emergencyCapacity;
    }
}
