package nl.doorstroom.shared;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A calendar half-year, the period of the housing quota (Huisvestingswet 2014 art. 28): {@code 2024-I}
 * runs from 1 January to 30 June, {@code 2024-II} from 1 July to 31 December.
 */
public record HalfYear(int year, int half) implements Comparable<HalfYear>, java.io.Serializable {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(I{1,2}|[12])");

    public HalfYear {
        if (year < 1900 || year > 2999) {
            throw new IllegalArgumentException("Year out of range: " + year);
        }
        if (half != 1 && half != 2) {
            throw new IllegalArgumentException("A half-year is 1 or 2: " + half);
        }
    }

    /** Reads {@code 2024-I}, {@code 2024-II}, {@code 2024-1} or {@code 2024-2}. */
    public static HalfYear parse(String text) {
        var matcher = FORMAT.matcher(text == null ? "" : text.strip().toUpperCase());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a half-year (such as 2024-I or 2024-II): " + text);
        }
        var half = matcher.group(2);
        return new HalfYear(Integer.parseInt(matcher.group(1)), half.equals("I") || half.equals("1") ? 1 : 2);
    }

    public static HalfYear containing(LocalDate date) {
        return new HalfYear(date.getYear(), date.getMonthValue() <= 6 ? 1 : 2);
    }

    public LocalDate start() {
        return LocalDate.of(year, half == 1 ? 1 : 7, 1);
    }

    /** The last day of the half-year. */
    public LocalDate end() {
        return half == 1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
    }

    /** The six months of the half-year, in order. */
    public List<YearMonth> months() {
        var first = YearMonth.from(start());
        var months = new ArrayList<YearMonth>(6);
        for (int i = 0; i < 6; i++) {
            months.add(first.plusMonths(i));
        }
        return months;
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    public HalfYear next() {
        return half == 1 ? new HalfYear(year, 2) : new HalfYear(year + 1, 1);
    }

    public HalfYear previous() {
        return half == 2 ? new HalfYear(year, 1) : new HalfYear(year - 1, 2);
    }

    /**
     * The date of the population figures the quota of this half-year is computed from: 1 January of
     * the year before (Huisvestingswet 2014 art. 29(1)); both halves of 2024 use 1 January 2023.
     */
    public LocalDate populationReferenceDate() {
        return LocalDate.of(year - 1, 1, 1);
    }

    /** The half-years from {@code first} to {@code last}, both included. */
    public static List<HalfYear> range(HalfYear first, HalfYear last) {
        var periods = new ArrayList<HalfYear>();
        for (var p = first; p.compareTo(last) <= 0; p = p.next()) {
            periods.add(p);
        }
        return periods;
    }

    @Override
    public int compareTo(HalfYear other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(half, other.half);
    }

    /** {@code 2024-I} or {@code 2024-II}, the form used in letters and in the API. */
    @Override
    public String toString() {
        return year + "-" + (half == 1 ? "I" : "II");
    }
}
