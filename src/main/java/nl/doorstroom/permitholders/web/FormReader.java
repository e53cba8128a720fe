package nl.doorstroom.permitholders.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;

/**
 * Reads the text of a form into values for a facade, noting what cannot be read. Blank text is
 * {@code null}, which the facade reports as missing where it is required; text that is not a date,
 * number, code or choice is a problem here, and then the facade is not called: a value left out
 * could turn a wrong form into a different, valid one.
 */
final class FormReader {

    private final List<Problem> problems = new ArrayList<>();

    LocalDate date(String field, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        }
        catch (DateTimeParseException e) {
            problems.add(Problem.of(field, "households.form.date.invalid", text.strip()));
            return null;
        }
    }

    Integer integer(String field, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        }
        catch (NumberFormatException e) {
            problems.add(Problem.of(field, "households.form.number.invalid", text.strip()));
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
            problems.add(Problem.of(field, "households.form.municipality.invalid", text.strip()));
            return null;
        }
    }

    /** One of an enum's names; blank is {@code blank}. */
    <E extends Enum<E>> E choice(Class<E> type, String field, String text, E blank) {
        if (blank(text)) {
            return blank;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            problems.add(Problem.of(field, "households.form.choice.invalid", text.strip()));
            return blank;
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

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
