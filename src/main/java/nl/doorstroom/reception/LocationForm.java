package nl.doorstroom.reception;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;

/**
 * A reception location as a COA planner registers or changes it. The field names are those of the API's
 * body and of the page, so a problem names the same field everywhere.
 *
 * @param code the code COA's figures name the location by, such as {@code COA-TERAPEL}
 * @param regularCapacity the regular places
 * @param emergencyCapacity the places added in an emergency on top of them (0 when none)
 */
public record LocationForm(String code, String name, MunicipalityCode municipality, LocationKind kind,
        Integer regularCapacity, Integer emergencyCapacity, LocalDate openedOn, LocalDate closedOn) {

    public static final String CODE = "code";
    public static final String NAME = "name";
    public static final String MUNICIPALITY = "municipality";
    public static final String KIND = "kind";
    public static final String REGULAR_CAPACITY = "regularCapacity";
    public static final String EMERGENCY_CAPACITY = "emergencyCapacity";
    public static final String OPENED_ON = "openedOn";
    public static final String CLOSED_ON = "closedOn";

    public static final List<String> FIELDS = List.of(CODE, NAME, MUNICIPALITY, KIND, REGULAR_CAPACITY,
            EMERGENCY_CAPACITY, OPENED_ON, CLOSED_ON);

    public static final int NAME_LENGTH = 120;
    public static final int MAXIMUM_CAPACITY = 10_000;

    /** Letters, digits and dashes: a code is typed into COA's spreadsheets and must survive them. */
    static final Pattern CODE_PATTERN = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");

    /** Texts stripped, the code in capitals (codes are compared that way in imports). */
    public LocationForm {
        code = code == null || code.isBlank() ? null : code.strip().toUpperCase(java.util.Locale.ROOT);
        name = name == null || name.isBlank() ? null : name.strip();
    }

    /** Every problem with this location; a null field is missing unless {@code unread} says it could not be read. */
    public List<Problem> problems(Predicate<MunicipalityCode> known, java.util.Collection<String> unread) {
        var problems = new ArrayList<Problem>();
        if (code == null) {
            problems.add(Problem.of(CODE, "reception.code.missing"));
        }
        else if (!CODE_PATTERN.matcher(code).matches()) {
            problems.add(Problem.of(CODE, "reception.code.invalid", code));
        }
        if (name == null) {
            problems.add(Problem.of(NAME, "reception.name.missing"));
        }
        else if (name.length() > NAME_LENGTH) {
            problems.add(Problem.of(NAME, "reception.name.tooLong", NAME_LENGTH));
        }
        if (municipality == null) {
            if (!unread.contains(MUNICIPALITY)) {
                problems.add(Problem.of(MUNICIPALITY, "reception.municipality.missing"));
            }
        }
        else if (!known.test(municipality)) {
            problems.add(Problem.of(MUNICIPALITY, "reception.municipality.unknown", municipality.value()));
        }
        if (kind == null && !unread.contains(KIND)) {
            problems.add(Problem.of(KIND, "reception.kind.missing"));
        }
        capacity(problems, REGULAR_CAPACITY, regularCapacity, unread);
        capacity(problems, EMERGENCY_CAPACITY, emergencyCapacity, unread);
        if (openedOn != null && openedOn.getYear() < 2000) {
            problems.add(Problem.of(OPENED_ON, "reception.date.tooEarly", openedOn.toString()));
        }
        if (openedOn != null && closedOn != null && closedOn.isBefore(openedOn)) {
            problems.add(Problem.of(CLOSED_ON, "reception.closedOn.beforeOpened", closedOn.toString(), openedOn.toString()));
        }
        return problems;
    }

    private static void capacity(List<Problem> problems, String field, Integer value, java.util.Collection<String> unread) {
        if (value == null) {
            if (!unread.contains(field)) {
                problems.add(Problem.of(field, "reception.capacity.missing"));
            }
        }
        else if (value < 0) {
            problems.add(Problem.of(field, "reception.capacity.negative", value));
        }
        else if (value > MAXIMUM_CAPACITY) {
            problems.add(Problem.of(field, "reception.capacity.tooLarge", value, MAXIMUM_CAPACITY));
        }
    }
}
