package nl.doorstroom.quota.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;

/**
 * Reads the text of a form into values for a facade, noting what cannot be read. Blank text is
 * {@code null}, which the facade reports as missing where it is required; text that is not a
 * half-year, number or date is a problem here, and then the facade is not called at all: a value
 * left out could turn a wrong form into a different, valid one.
 */
final class FormInput {

    private final List<Problem> problems = new ArrayList<>();

    HalfYear halfYear(String field, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return HalfYear.parse(text);
        }
        catch (IllegalArgumentException e) {
            problems.add(Problem.of(field, "quota.period.invalid", text.strip()));
            return null;
        }
    }

    Integer integer(String field, String text) {
        var number = whole(field, text);
        if (number != null && (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE)) {
            problems.add(Problem.of(field, "quota.form.number.tooLarge", text.strip()));
            return null;
        }
        return number == null ? null : number.intValue();
    }

    Long whole(String field, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        }
        catch (NumberFormatException e) {
            problems.add(Problem.of(field, "quota.form.number.notWhole", text.strip()));
            return null;
        }
    }

    LocalDate date(String field, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        }
        catch (DateTimeParseException e) {
            problems.add(Problem.of(field, "quota.form.date.invalid", text.strip()));
            return null;
        }
    }

    MunicipalityCode municipality(String field, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return MunicipalityCode.parse(text);
        }
        catch (IllegalArgumentException e) {
            problems.add(Problem.of(field, "quota.form.municipality.invalid", text.strip()));
            return null;
        }
    }

    void problem(Problem problem) {
        problems.add(problem);
    }

    /** Throws the problems found so far, if any. */
    void check() {
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
