package nl.doorstroom.housingmarket;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import nl.doorstroom.documents.CsvUpload;
import nl.doorstroom.documents.TabularUpload;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;

/**
 * Reads a corporation's figures of one year from a CSV file (comma or semicolon) or an Excel workbook (first sheet):
 * one row per municipality, with a header naming the columns (order free, case and spaces ignored, other columns
 * ignored). Every column is required except {@code nieuwe_woningzoekenden_per_jaar}, whose cells may stay empty.
 * Counts are whole numbers; thousands may be written Dutch style with a dot (1.234) or a space. The median
 * registration time may have a decimal comma (48,5). Either every row is right, or the file is refused with every
 * problem by row and column.
 */
final class MarketFile {

    static final String MUNICIPALITY = "gemeentecode";
    static final String ALLOCATED = "toegewezen_vergunninghouders";
    static final String SEEKERS = "actief_woningzoekenden";
    static final String WAIT = "mediane_inschrijfduur_maanden";
    static final String NEW_SEEKERS = "nieuwe_woningzoekenden_per_jaar";

    /** The column of each band's homes and vacancies. */
    static final Map<SizeBand, String> HOMES = Map.of(SizeBand.SMALL, "woningen_klein", SizeBand.MEDIUM, "woningen_middel",
            SizeBand.LARGE, "woningen_groot", SizeBand.EXTRA_LARGE, "woningen_extra_groot");
    static final Map<SizeBand, String> VACANCIES = Map.of(SizeBand.SMALL, "vrijkomend_klein", SizeBand.MEDIUM,
            "vrijkomend_middel", SizeBand.LARGE, "vrijkomend_groot", SizeBand.EXTRA_LARGE, "vrijkomend_extra_groot");

    static final String KEYS = "housingmarket.import";

    /** Every column, in the order of the template. */
    static final List<String> COLUMNS;

    static {
        var columns = new ArrayList<String>();
        columns.add(MUNICIPALITY);
        for (var band : SizeBand.values()) {
            columns.add(HOMES.get(band));
        }
        for (var band : SizeBand.values()) {
            columns.add(VACANCIES.get(band));
        }
        columns.addAll(List.of(ALLOCATED, SEEKERS, WAIT, NEW_SEEKERS));
        COLUMNS = List.copyOf(columns);
    }

    private MarketFile() {
    }

    /** The template's header line, as the import page offers it. */
    static String header() {
        return String.join(";", COLUMNS);
    }

    /**
     * @param known whether a municipality exists
     * @param mayEnter whether the importing user may enter figures for a municipality (a corporation: those it serves)
     * @return the figures by municipality, in the order of the file
     */
    static Map<MunicipalityCode, FiguresForm> read(InputStream input, Predicate<MunicipalityCode> known,
            Predicate<MunicipalityCode> mayEnter) {
        var lines = TabularUpload.read(input, KEYS);
        if (lines.isEmpty()) {
            throw InvalidInput.of("file", KEYS + ".file.empty");
        }
        var header = lines.get(0);
        var columns = columns(header.cells());
        var problems = new ArrayList<Problem>();
        for (var column : COLUMNS) {
            if (!columns.containsKey(column) && !column.equals(NEW_SEEKERS)) {
                problems.add(Problem.atRow(header.line(), column, KEYS + ".header.missing", column));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (lines.size() < 2) {
            throw InvalidInput.of("file", KEYS + ".file.noRows");
        }
        var result = new LinkedHashMap<MunicipalityCode, FiguresForm>();
        var firstRow = new HashMap<MunicipalityCode, Integer>();
        for (var line : lines.subList(1, lines.size())) {
            int row = line.line();
            var cells = line.cells();
            Function<String, String> cell = column -> {
                var index = columns.get(column);
                return index == null || index >= cells.size() ? "" : cells.get(index);
            };
            var rowProblems = new ArrayList<Problem>();
            var municipality = CsvUpload.municipality(cell.apply(MUNICIPALITY), row, MUNICIPALITY, known, rowProblems,
                    KEYS + ".municipality");
            if (municipality != null && !mayEnter.test(municipality)) {
                rowProblems.add(Problem.atRow(row, MUNICIPALITY, KEYS + ".municipality.notServed", municipality.value()));
                municipality = null;
            }
            if (municipality != null) {
                var earlier = firstRow.putIfAbsent(municipality, row);
                if (earlier != null) {
                    rowProblems.add(Problem.atRow(row, MUNICIPALITY, KEYS + ".duplicate", municipality.value(), earlier));
                }
            }
            var homes = new EnumMap<SizeBand, Integer>(SizeBand.class);
            var vacancies = new EnumMap<SizeBand, Integer>(SizeBand.class);
            var unreadable = new ArrayList<String>();
            for (var band : SizeBand.values()) {
                homes.put(band, count(cell.apply(HOMES.get(band)), row, HOMES.get(band), rowProblems, unreadable));
            }
            for (var band : SizeBand.values()) {
                vacancies.put(band, count(cell.apply(VACANCIES.get(band)), row, VACANCIES.get(band), rowProblems, unreadable));
            }
            var allocated = count(cell.apply(ALLOCATED), row, ALLOCATED, rowProblems, unreadable);
            var seekers = count(cell.apply(SEEKERS), row, SEEKERS, rowProblems, unreadable);
            var wait = decimal(cell.apply(WAIT), row, WAIT, rowProblems, unreadable);
            var newText = cell.apply(NEW_SEEKERS);
            var newSeekers = newText.isBlank() ? null : count(newText, row, NEW_SEEKERS, rowProblems, unreadable);
            var form = new FiguresForm(homes, vacancies, allocated, seekers, wait, newSeekers);
            // The form's own rules (negative, too large, allocated above vacancies), named by the file's column;
            // a cell that could not be read at all is reported once.
            for (var p : form.problems()) {
                var column = column(p.field());
                if (!unreadable.contains(column)) {
                    rowProblems.add(Problem.atRow(row, column, p.messageKey(), p.arguments().toArray()));
                }
            }
            problems.addAll(rowProblems);
            if (rowProblems.isEmpty()) {
                result.put(municipality, form);
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(Problem::row));
            throw new InvalidInput(problems);
        }
        return result;
    }

    /** The column of a form field. */
    static String column(String field) {
        for (var band : SizeBand.values()) {
            if (field.equals(FiguresForm.field(FiguresForm.HOMES, band))) {
                return HOMES.get(band);
            }
            if (field.equals(FiguresForm.field(FiguresForm.VACANCIES, band))) {
                return VACANCIES.get(band);
            }
        }
        return switch (field) {
            case FiguresForm.ALLOCATED -> ALLOCATED;
            case FiguresForm.ACTIVE_SEEKERS -> SEEKERS;
            case FiguresForm.MEDIAN_WAIT -> WAIT;
            case FiguresForm.NEW_SEEKERS -> NEW_SEEKERS;
            default -> field;
        };
    }

    /** A whole number; a blank cell is left to the form's rules (reported there as missing). */
    private static Integer count(String text, int row, String column, List<Problem> problems, List<String> unreadable) {
        if (text.isBlank()) {
            return null;
        }
        try {
            double value = parseNumber(text);
            if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
                throw new NumberFormatException(text);
            }
            return (int) value;
        }
        catch (NumberFormatException e) {
            problems.add(Problem.atRow(row, column, KEYS + ".number.invalid", text.strip()));
            unreadable.add(column);
            return null;
        }
    }

    private static Double decimal(String text, int row, String column, List<Problem> problems, List<String> unreadable) {
        if (text.isBlank()) {
            return null;
        }
        try {
            double value = parseNumber(text);
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException(text);
            }
            return value;
        }
        catch (NumberFormatException e) {
            problems.add(Problem.atRow(row, column, KEYS + ".decimal.invalid", text.strip()));
            unreadable.add(column);
            return null;
        }
    }

    /**
     * A number as Dutch spreadsheets write it: a decimal comma (48,5), dots or spaces between thousands (1.234 or
     * 1 234), or plain digits with a decimal point (48.5) as Excel stores them. A lone dot followed by exactly three
     * digits is read as thousands, as the forecasting parameters do.
     */
    static double parseNumber(String text) {
        var t = text.strip().replace(" ", "").replace("\u00a0", "").replace("\u2212", "-");
        if (t.isEmpty() || !t.matches("-?[\\d.,]+")) {
            throw new NumberFormatException(text);
        }
        if (t.contains(",")) {
            if (t.indexOf(',') != t.lastIndexOf(',')) {
                throw new NumberFormatException(text);
            }
            if (t.contains(".") && !t.substring(0, t.indexOf(',')).matches("-?\\d{1,3}(\\.\\d{3})+")) {
                throw new NumberFormatException(text);
            }
            t = t.replace(".", "").replace(',', '.');
        }
        else if (t.matches("-?\\d{1,3}(\\.\\d{3})+")) {
            t = t.replace(".", "");
        }
        return Double.parseDouble(t);
    }

    private static Map<String, Integer> columns(List<String> header) {
        var columns = new HashMap<String, Integer>();
        for (int i = 0; i < header.size(); i++) {
            var name = normal(header.get(i));
            for (var column : COLUMNS) {
                if (normal(column).equals(name)) {
                    columns.putIfAbsent(column, i);
                }
            }
        }
        return columns;
    }

    private static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }
}
