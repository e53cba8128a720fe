package nl.doorstroom.permitholders;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;

/**
 * A household as COA registers it or changes it. The field names are those of the CSV columns, so a
 * problem names the same field in a file and on a form.
 *
 * @param reference COA's pseudonymous reference: never a name, BSN or V-number
 * @param location the reception location the household lives in
 * @param locationMunicipality the municipality of that location (it decides the linking region)
 */
public record HouseholdForm(String reference, String location, MunicipalityCode locationMunicipality,
        LocalDate permitDate, Profile profile, List<Member> members, List<FirmCriterion> criteria) {

    public static final String REFERENCE = "reference";
    public static final String LOCATION = "location";
    public static final String LOCATION_MUNICIPALITY = "location_municipality";
    public static final String PERMIT_DATE = "permit_date";
    public static final String LANGUAGE = "language";
    public static final String EDUCATION = "education";
    public static final String WORK_EXPERIENCE = "work_experience";
    public static final String LIMITATION = "limitation";
    public static final String MEMBERS = "household_members";
    public static final String CRITERIA = "criteria";

    public static final int MAXIMUM_MEMBERS = 30;
    public static final int MAXIMUM_CRITERIA = 10;

    private static final Pattern REFERENCE_FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{3,39}");
    /** A BSN has 9 digits, a V-number 10: a reference made of just that many digits is refused as one. */
    private static final Pattern IDENTIFYING_NUMBER = Pattern.compile("\\d{9,10}");

    public HouseholdForm {
        members = members == null ? List.of() : List.copyOf(members);
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }

    /**
     * Every problem with this household, at the given row of a file (0 on a form). A null field means
     * it was missing or could not be read (the reader reported that already when {@code unread} holds it).
     */
    List<Problem> problems(int row, Predicate<MunicipalityCode> known, LocalDate today, List<String> unread) {
        var problems = new ArrayList<Problem>();
        if (reference == null || reference.isBlank()) {
            problems.add(Problem.atRow(row, REFERENCE, "household.reference.missing"));
        }
        else if (IDENTIFYING_NUMBER.matcher(reference.strip()).matches()) {
            problems.add(Problem.atRow(row, REFERENCE, "household.reference.identifying"));
        }
        else if (!REFERENCE_FORMAT.matcher(reference.strip()).matches()) {
            problems.add(Problem.atRow(row, REFERENCE, "household.reference.format"));
        }
        if (location == null || location.isBlank()) {
            problems.add(Problem.atRow(row, LOCATION, "household.location.missing"));
        }
        else if (location.strip().length() > 120) {
            problems.add(Problem.atRow(row, LOCATION, "household.location.tooLong", 120));
        }
        if (locationMunicipality == null) {
            if (!unread.contains(LOCATION_MUNICIPALITY)) {
                problems.add(Problem.atRow(row, LOCATION_MUNICIPALITY, "household.municipality.missing"));
            }
        }
        else if (!known.test(locationMunicipality)) {
            problems.add(Problem.atRow(row, LOCATION_MUNICIPALITY, "household.municipality.unknown",
                    locationMunicipality.value()));
        }
        if (permitDate == null) {
            if (!unread.contains(PERMIT_DATE)) {
                problems.add(Problem.atRow(row, PERMIT_DATE, "household.permitDate.missing"));
            }
        }
        else if (permitDate.isAfter(today)) {
            problems.add(Problem.atRow(row, PERMIT_DATE, "household.permitDate.future", permitDate.toString()));
        }
        else if (permitDate.getYear() < 2000) {
            problems.add(Problem.atRow(row, PERMIT_DATE, "household.permitDate.tooEarly", permitDate.toString()));
        }
        if (profile != null && profile.language() != null && profile.language().strip().length() > 40) {
            problems.add(Problem.atRow(row, LANGUAGE, "household.language.tooLong", 40));
        }
        if (!unread.contains(MEMBERS)) {
            if (members.isEmpty()) {
                problems.add(Problem.atRow(row, MEMBERS, "household.members.none"));
            }
            else if (members.size() > MAXIMUM_MEMBERS) {
                problems.add(Problem.atRow(row, MEMBERS, "household.members.tooMany", members.size(), MAXIMUM_MEMBERS));
            }
        }
        if (criteria.size() > MAXIMUM_CRITERIA) {
            problems.add(Problem.atRow(row, CRITERIA, "household.criteria.tooMany", MAXIMUM_CRITERIA));
        }
        for (var criterion : criteria) {
            if (!known.test(criterion.municipality())) {
                problems.add(Problem.atRow(row, CRITERIA, "household.criterion.unknownMunicipality",
                        criterion.municipality().value()));
            }
            if (criterion.kind() == FirmCriterion.Kind.WORK && (criterion.hoursPerWeek() == null
                    || criterion.hoursPerWeek() < FirmCriterion.MINIMUM_WORK_HOURS)) {
                problems.add(Problem.atRow(row, CRITERIA, "household.criterion.workHours",
                        criterion.municipality().value(), FirmCriterion.MINIMUM_WORK_HOURS));
            }
            if (criterion.kind() != FirmCriterion.Kind.WORK && criterion.hoursPerWeek() != null) {
                problems.add(Problem.atRow(row, CRITERIA, "household.criterion.hoursOnlyForWork", criterion.code()));
            }
        }
        return problems;
    }

    String strippedReference() {
        return reference.strip();
    }
}
