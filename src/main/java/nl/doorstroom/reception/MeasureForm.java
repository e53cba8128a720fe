package nl.doorstroom.reception;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import nl.doorstroom.shared.InvalidInput.Problem;

/** An emergency measure as a COA planner records it; {@code endsOn} is empty while it lasts. */
public record MeasureForm(MeasureKind kind, String description, LocalDate startsOn, LocalDate endsOn, Integer places) {

    public static final String KIND = "measureKind";
    public static final String DESCRIPTION = "description";
    public static final String STARTS_ON = "startsOn";
    public static final String ENDS_ON = "endsOn";
    public static final String PLACES = "places";

    public static final int DESCRIPTION_LENGTH = 300;

    public MeasureForm {
        description = description == null || description.isBlank() ? null : description.strip();
    }

    public List<Problem> problems(Collection<String> unread) {
        var problems = new ArrayList<Problem>();
        if (kind == null && !unread.contains(KIND)) {
            problems.add(Problem.of(KIND, "reception.measure.kind.missing"));
        }
        if (description == null) {
            problems.add(Problem.of(DESCRIPTION, "reception.measure.description.missing"));
        }
        else if (description.length() > DESCRIPTION_LENGTH) {
            problems.add(Problem.of(DESCRIPTION, "reception.measure.description.tooLong", DESCRIPTION_LENGTH));
        }
        if (startsOn == null) {
            if (!unread.contains(STARTS_ON)) {
                problems.add(Problem.of(STARTS_ON, "reception.measure.startsOn.missing"));
            }
        }
        else if (startsOn.getYear() < 2000) {
            problems.add(Problem.of(STARTS_ON, "reception.date.tooEarly", startsOn.toString()));
        }
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            problems.add(Problem.of(ENDS_ON, "reception.measure.endsOn.beforeStart", endsOn.toString(), startsOn.toString()));
        }
        if (places == null) {
            if (!unread.contains(PLACES)) {
                problems.add(Problem.of(PLACES, "reception.capacity.missing"));
            }
        }
        else if (places < 0) {
            problems.add(Problem.of(PLACES, "reception.capacity.negative", places));
        }
        else if (places > LocationForm.MAXIMUM_CAPACITY) {
            problems.add(Problem.of(PLACES, "reception.capacity.tooLarge", places, LocationForm.MAXIMUM_CAPACITY));
        }
        return problems;
    }
}
