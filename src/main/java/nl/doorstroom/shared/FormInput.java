package nl.doorstroom.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.doorstroom.shared.InvalidInput.Problem;

/**
 * Reads the text of a form into values for a facade, noting what cannot be read. Blank text is
 * {@code null}, which the facade reports as missing where it is required; text that is not a
 * half-year, number, date, code or choice is a problem here, and then the facade is not called at all:
 * a value left out could turn a wrong form into a different, valid one.
 */
public final class FormInput {

    private final List<Problem> problems = new ArrayList<>();

    public HalfYear halfYear(String field, String text) {
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

    public Integer integer(String field, String text) {
        var number = whole(field, text);
        if (number != null && (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE)) {
            problems.add(Problem.of(field, "form.number.tooLarge", text.strip()));
            return null;
        }
        return number == null ? null : number.intValue();
    }

    public Long whole(String field, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        }
        catch (NumberFormatException e) {
            problems.add(Problem.of(field, "form.number.notWhole", text.strip()));
            return null;
        }
    }

    public LocalDate date(String field, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        }
        catch (DateTimeParseException e) {
            problems.add(Problem.of(field, "form.date.invalid", text.strip()));
            return null;
        }
    }

    public MunicipalityCode municipality(String field, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return MunicipalityCode.parse(text);
        }
        catch (IllegalArgumentException e) {
            problems.add(Problem.of(field, "form.municipality.invalid", text.strip()));
            return null;
        }
    }

    /** One of an enum's names; blank is {@code blank}. */
    public <E extends Enum<E>> E choice(Class<E> type, String field, String text, E blank) {
        if (blank(text)) {
            return blank;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            problems.add(Problem.of(field, "form.choice.invalid", text.strip()));
            return blank;
        }
    }

    public void problem(Problem problem) {
        problems.add(problem);
    }

    /** Throws the problems found so far, if any. */
    public void check() {
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
