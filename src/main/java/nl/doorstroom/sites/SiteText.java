package nl.doorstroom.sites;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;

/**
 * Reads a site from text, as typed in a form or written in a file, the same way for both: every value
 * that cannot be read is a problem of its field, and then the site's own rules ({@link SiteForm#problems})
 * add theirs, all at once.
 *
 * <ul>
 * <li>municipality: a CBS code ({@code GM0344}, {@code 0344}, {@code 344}) or the municipality's name;</li>
 * <li>kind, owner, status: the code ({@code RECREATION_PARK}) or the word in Dutch or English ("vakantiepark");</li>
 * <li>numbers with a decimal point or comma ({@code 52.0907}, {@code 52,0907}); a cost may start with €;</li>
 * <li>dates as {@code 2026-11-28} or {@code 28-11-2026}.</li>
 * </ul>
 */
public final class SiteText {

    /**
     * What was read: the site, the status it is registered in and since when (null: today), and every problem.
     */
    public record Reading(SiteForm form, SiteStatus status, LocalDate since, List<Problem> problems) {
    }

    /** Finds a known municipality by its code or its name. */
    public interface Municipalities extends Predicate<MunicipalityCode> {

        Optional<MunicipalityCode> named(String name);
    }

    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d-M-uuuu");

    private final int row;
    private final Function<String, String> text;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> unread = new HashSet<>();

    private SiteText(int row, Function<String, String> text) {
        this.row = row;
        this.text = field -> {
            var value = text.apply(field);
            return value == null ? "" : value.strip();
        };
    }

    /**
     * @param row the row of a file (0 on a form)
     * @param text the text of a field by its name ({@link SiteForm#FIELDS}, {@link SiteForm#STATUS}); null or empty when none
     * @param withStatus whether a status is read (registering, importing); a change has none
     */
    public static Reading read(int row, Function<String, String> text, Municipalities municipalities, boolean withStatus) {
        var reader = new SiteText(row, text);
        var form = new SiteForm(reader.choice(SiteForm.KIND, SiteKind::parse, SiteKind.values()),
                reader.text.apply(SiteForm.NAME), reader.municipality(municipalities),
                reader.text.apply(SiteForm.ADDRESS), reader.decimal(SiteForm.LATITUDE),
                reader.decimal(SiteForm.LONGITUDE), reader.choice(SiteForm.OWNER, SiteOwner::parse, SiteOwner.values()),
                reader.whole(SiteForm.CAPACITY), reader.date(SiteForm.AVAILABLE_FROM),
                reader.date(SiteForm.AVAILABLE_UNTIL), reader.cost(), reader.text.apply(SiteForm.CONTACT_PERSON),
                reader.text.apply(SiteForm.NOTES));
        var status = withStatus ? reader.status() : null;
        var since = withStatus ? reader.date(SiteForm.STATUS_SINCE) : null;
        reader.problems.addAll(form.problems(row, municipalities, reader.unread));
        reader.problems.sort(java.util.Comparator.comparingInt(p -> SiteForm.FIELDS.indexOf(p.field())));
        return new Reading(form, status, since, List.copyOf(reader.problems));
    }

    private SiteStatus status() {
        var value = text.apply(SiteForm.STATUS);
        if (value.isEmpty()) {
            return SiteStatus.IDENTIFIED;
        }
        var status = SiteStatus.parse(value);
        if (status.isEmpty()) {
            problems.add(Problem.atRow(row, SiteForm.STATUS, "site.choice.unknown", value, names(SiteStatus.values())));
            return null;
        }
        if (!SiteStatus.STARTING.contains(status.get())) {
            problems.add(Problem.atRow(row, SiteForm.STATUS, "site.status.notStarting", value));
            return null;
        }
        return status.get();
    }

    private <E extends Enum<E>> E choice(String field, Function<String, Optional<E>> parse, E[] values) {
        var value = text.apply(field);
        if (value.isEmpty()) {
            return null;
        }
        var parsed = parse.apply(value);
        if (parsed.isEmpty()) {
            problems.add(Problem.atRow(row, field, "site.choice.unknown", value, names(values)));
            unread.add(field);
        }
        return parsed.orElse(null);
    }

    private MunicipalityCode municipality(Municipalities municipalities) {
        var value = text.apply(SiteForm.MUNICIPALITY);
        if (value.isEmpty()) {
            return null;
        }
        try {
            // Known or not: an unknown code is the site's own problem (site.municipality.unknown).
            return MunicipalityCode.parse(value);
        }
        catch (IllegalArgumentException notACode) {
            var named = municipalities.named(value);
            if (named.isEmpty()) {
                problems.add(Problem.atRow(row, SiteForm.MUNICIPALITY, "site.municipality.notFound", value));
                unread.add(SiteForm.MUNICIPALITY);
            }
            return named.orElse(null);
        }
    }

    private Integer whole(String field) {
        var value = text.apply(field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value.replace(" ", ""));
        }
        catch (NumberFormatException e) {
            problems.add(Problem.atRow(row, field, "site.number.notWhole", value));
            unread.add(field);
            return null;
        }
    }

    private BigDecimal decimal(String field) {
        var value = text.apply(field);
        if (value.isEmpty()) {
            return null;
        }
        var number = number(value);
        if (number == null) {
            problems.add(Problem.atRow(row, field, "site.number.invalid", value));
            unread.add(field);
        }
        return number;
    }

    private BigDecimal cost() {
        var value = text.apply(SiteForm.COST_PER_NIGHT);
        if (value.isEmpty()) {
            return null;
        }
        var number = number(value.replace("€", "").replace("EUR", "").strip());
        if (number == null) {
            problems.add(Problem.atRow(row, SiteForm.COST_PER_NIGHT, "site.number.invalid", value));
            unread.add(SiteForm.COST_PER_NIGHT);
        }
        return number;
    }

    /**
     * A number with a decimal point or comma; with both, the last one is the decimal separator and the other
     * groups thousands ({@code 1.250,50} and {@code 1,250.50} are both 1250.5).
     */
    static BigDecimal number(String value) {
        var text = value.replace(" ", "");
        int comma = text.lastIndexOf(','), point = text.lastIndexOf('.');
        if (comma >= 0 && point >= 0) {
            text = comma > point ? text.replace(".", "").replace(',', '.') : text.replace(",", "");
        }
        else if (comma >= 0) {
            text = text.replace(',', '.');
        }
        if (!text.matches("[-+]?\\d+(\\.\\d+)?")) {
            return null;
        }
        return new BigDecimal(text);
    }

    private LocalDate date(String field) {
        var value = text.apply(field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return value.length() == 10 && value.charAt(4) == '-' ? LocalDate.parse(value) : LocalDate.parse(value, DUTCH_DATE);
        }
        catch (DateTimeParseException e) {
            problems.add(Problem.atRow(row, field, "site.date.invalid", value));
            unread.add(field);
            return null;
        }
    }

    private static String names(Enum<?>[] values) {
        return String.join(", ", Arrays.stream(values).map(Enum::name).toList());
    }
}
