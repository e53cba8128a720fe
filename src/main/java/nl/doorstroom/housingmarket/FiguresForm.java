package nl.doorstroom.housingmarket;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import nl.doorstroom.shared.InvalidInput.Problem;

/**
 * One corporation's figures for one municipality and year as entered (a form, an API body or a row of an import):
 * homes and yearly vacancies by size band, vacancies allocated to permit holders, active regular seekers, the median
 * registration time at allocation in months, and optionally the regular seekers registering in a year. Missing
 * values are null, so that every missing field can be named.
 */
public record FiguresForm(Map<SizeBand, Integer> homes, Map<SizeBand, Integer> vacancies, Integer allocated,
        Integer activeSeekers, Double medianWaitMonths, Integer newSeekersPerYear) {

    public static final String HOMES = "homes";
    public static final String VACANCIES = "vacancies";
    public static final String ALLOCATED = "allocated";
    public static final String ACTIVE_SEEKERS = "activeSeekers";
    public static final String MEDIAN_WAIT = "medianWaitMonths";
    public static final String NEW_SEEKERS = "newSeekersPerYear";

    /** No municipality has more social-rental homes or seekers than this; a larger figure is a typing error. */
    public static final int LARGEST_COUNT = 2_000_000;
    /** Fifty years: a longer median registration time is a typing error. */
    public static final double LONGEST_WAIT_MONTHS = 600;

    public FiguresForm {
        homes = homes == null ? new EnumMap<>(SizeBand.class) : copy(homes);
        vacancies = vacancies == null ? new EnumMap<>(SizeBand.class) : copy(vacancies);
    }

    /** The field name of a band's homes or vacancies, such as {@code homes.LARGE}. */
    public static String field(String group, SizeBand band) {
        return group + "." + band.name();
    }

    /** Every field of the form, in the order of the form. */
    public static List<String> fields() {
        var fields = new ArrayList<String>();
        for (var band : SizeBand.values()) {
            fields.add(field(HOMES, band));
        }
        for (var band : SizeBand.values()) {
            fields.add(field(VACANCIES, band));
        }
        fields.addAll(List.of(ALLOCATED, ACTIVE_SEEKERS, MEDIAN_WAIT, NEW_SEEKERS));
        return fields;
    }

    /**
     * The form as typed on a page, numbers Dutch style (1.234; 48,5). A number that cannot be read is added to
     * {@code problems} by field and left out (null), so that the form's own rules do not report it again.
     *
     * @param typed the text of each field, by field name; null or blank when empty
     */
    public static FiguresForm read(java.util.function.Function<String, String> typed, List<Problem> problems) {
        var homes = new EnumMap<SizeBand, Integer>(SizeBand.class);
        var vacancies = new EnumMap<SizeBand, Integer>(SizeBand.class);
        for (var band : SizeBand.values()) {
            homes.put(band, whole(typed, field(HOMES, band), problems));
            vacancies.put(band, whole(typed, field(VACANCIES, band), problems));
        }
        Double wait = null;
        var waitText = typed.apply(MEDIAN_WAIT);
        if (waitText != null && !waitText.isBlank()) {
            try {
                wait = MarketFile.parseNumber(waitText);
            }
            catch (NumberFormatException e) {
                problems.add(Problem.of(MEDIAN_WAIT, "housingmarket.import.decimal.invalid", waitText.strip()));
            }
        }
        return new FiguresForm(homes, vacancies, whole(typed, ALLOCATED, problems), whole(typed, ACTIVE_SEEKERS, problems),
                wait, whole(typed, NEW_SEEKERS, problems));
    }

    /** Only the problems of fields that could be read: {@link #read} already named the others. */
    public List<Problem> problemsBesides(List<Problem> unreadable) {
        var fields = unreadable.stream().map(Problem::field).toList();
        return problems().stream().filter(p -> !fields.contains(p.field())).toList();
    }

    private static Integer whole(java.util.function.Function<String, String> typed, String field, List<Problem> problems) {
        var text = typed.apply(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double value = MarketFile.parseNumber(text);
            if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
                throw new NumberFormatException(text);
            }
            return (int) value;
        }
        catch (NumberFormatException e) {
            problems.add(Problem.of(field, "housingmarket.import.number.invalid", text.strip()));
            return null;
        }
    }

    public int totalVacancies() {
        return vacancies.values().stream().filter(v -> v != null && v > 0).mapToInt(Integer::intValue).sum();
    }

    /**
     * Every problem, each naming its field: a missing, negative or implausibly large count, more vacancies allocated
     * to permit holders than came free, and a missing, negative or implausibly long median registration time.
     */
    public List<Problem> problems() {
        var problems = new ArrayList<Problem>();
        for (var band : SizeBand.values()) {
            count(problems, field(HOMES, band), homes.get(band), true);
        }
        for (var band : SizeBand.values()) {
            count(problems, field(VACANCIES, band), vacancies.get(band), true);
        }
        boolean allocatedRight = count(problems, ALLOCATED, allocated, true);
        boolean vacanciesRight = problems.stream().noneMatch(p -> p.field().startsWith(VACANCIES + "."));
        if (allocatedRight && vacanciesRight && allocated > totalVacancies()) {
            problems.add(Problem.of(ALLOCATED, "housingmarket.allocated.aboveVacancies", allocated, totalVacancies()));
        }
        count(problems, ACTIVE_SEEKERS, activeSeekers, true);
        if (medianWaitMonths == null || medianWaitMonths.isNaN()) {
            problems.add(Problem.of(MEDIAN_WAIT, "housingmarket.value.missing"));
        }
        else if (medianWaitMonths < 0) {
            problems.add(Problem.of(MEDIAN_WAIT, "housingmarket.value.negative", medianWaitMonths));
        }
        else if (medianWaitMonths > LONGEST_WAIT_MONTHS) {
            problems.add(Problem.of(MEDIAN_WAIT, "housingmarket.wait.tooLong", medianWaitMonths, (int) LONGEST_WAIT_MONTHS));
        }
        count(problems, NEW_SEEKERS, newSeekersPerYear, false);
        return problems;
    }

    private static boolean count(List<Problem> problems, String field, Integer value, boolean required) {
        if (value == null) {
            if (required) {
                problems.add(Problem.of(field, "housingmarket.value.missing"));
            }
            return false;
        }
        if (value < 0) {
            problems.add(Problem.of(field, "housingmarket.value.negative", value));
            return false;
        }
        if (value > LARGEST_COUNT) {
            problems.add(Problem.of(field, "housingmarket.value.tooLarge", value, LARGEST_COUNT));
            return false;
        }
        return true;
    }

    private static Map<SizeBand, Integer> copy(Map<SizeBand, Integer> byBand) {
        var copy = new EnumMap<SizeBand, Integer>(SizeBand.class);
        byBand.forEach((band, value) -> {
            if (band != null) {
                copy.put(band, value);
            }
        });
        return copy;
    }
}
