package nl.doorstroom.permitholders;

import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import nl.doorstroom.documents.CsvUpload;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;

/**
 * Reads COA's export of households in reception: one row per household, comma- or
 * semicolon-separated, with the columns
 * {@code reference, location, location_municipality, permit_date, language, education,
 * work_experience, limitation, members, criteria} (Dutch headers work too). Members are written as
 * {@code age band/sex/role}, separated by {@code |}, such as {@code 30-44/F/HEAD|5-11/M/CHILD}; firm
 * criteria as {@code kind:municipality[:hours]}, such as {@code WORK:GM0344:16|RELATIVE:GM0363}.
 * Either every row is right, or the file is refused with every problem by row and column.
 */
final class HouseholdFile {

    private static final Map<String, List<String>> HEADERS = new LinkedHashMap<>();

    static {
        HEADERS.put(HouseholdForm.REFERENCE, List.of("reference", "referentie", "coa_referentie"));
        HEADERS.put(HouseholdForm.LOCATION, List.of("location", "locatie", "opvanglocatie"));
        HEADERS.put(HouseholdForm.LOCATION_MUNICIPALITY, List.of("location_municipality", "locatie_gemeente", "gemeente_locatie"));
        HEADERS.put(HouseholdForm.PERMIT_DATE, List.of("permit_date", "vergunningsdatum", "datum_vergunning"));
        HEADERS.put(HouseholdForm.LANGUAGE, List.of("language", "taal"));
        HEADERS.put(HouseholdForm.EDUCATION, List.of("education", "opleiding"));
        HEADERS.put(HouseholdForm.WORK_EXPERIENCE, List.of("work_experience", "werkervaring"));
        HEADERS.put(HouseholdForm.LIMITATION, List.of("limitation", "beperking"));
        HEADERS.put(HouseholdForm.MEMBERS, List.of("members", "leden", "gezinsleden"));
        HEADERS.put(HouseholdForm.CRITERIA, List.of("criteria", "bindende_criteria"));
    }

    /** Columns a file must have; the others may be left out (empty). */
    private static final List<String> REQUIRED = List.of(HouseholdForm.REFERENCE, HouseholdForm.LOCATION,
            HouseholdForm.LOCATION_MUNICIPALITY, HouseholdForm.PERMIT_DATE, HouseholdForm.MEMBERS);

    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d-M-uuuu");

    private HouseholdFile() {
    }

    /** One household read from the file, with the line it came from. */
    record Entry(int row, HouseholdForm form) {
    }

    /**
     * @param registered of the given references (upper case), those already in the register
     */
    static List<Entry> read(Reader input, Predicate<MunicipalityCode> known, LocalDate today,
            java.util.function.Function<List<String>, java.util.Set<String>> registered) {
        var upload = CsvUpload.read(input, "households");
        var header = upload.header();
        var columns = new HashMap<String, Integer>();
        for (int i = 0; i < header.size(); i++) {
            var name = header.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_');
            for (var column : HEADERS.entrySet()) {
                if (!columns.containsKey(column.getKey()) && column.getValue().contains(name)) {
                    columns.put(column.getKey(), i);
                }
            }
        }
        var problems = new ArrayList<Problem>();
        for (var column : REQUIRED) {
            if (!columns.containsKey(column)) {
                problems.add(Problem.atRow(1, column, "households.header.missing", HEADERS.get(column).get(0)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (upload.rows().isEmpty()) {
            throw InvalidInput.of("file", "households.file.noRows");
        }
        var entries = new ArrayList<Entry>();
        var firstRowOf = new HashMap<String, Integer>();
        for (var line : upload.rows()) {
            var record = line.cells();
            int row = line.line();
            if (record.size() < header.size()) {
                problems.add(Problem.atRow(row, "file", "households.row.fieldCount", header.size(), record.size()));
                continue;
            }
            java.util.function.Function<String, String> cell = column -> columns.containsKey(column)
                    ? record.get(columns.get(column)).strip() : "";
            var unread = new ArrayList<String>();
            var rowProblems = new ArrayList<Problem>();
            var municipality = cell.apply(HouseholdForm.LOCATION_MUNICIPALITY).isEmpty() ? null
                    : CsvUpload.municipality(cell.apply(HouseholdForm.LOCATION_MUNICIPALITY), row,
                            HouseholdForm.LOCATION_MUNICIPALITY, known, rowProblems, "household.municipality");
            if (municipality == null && !cell.apply(HouseholdForm.LOCATION_MUNICIPALITY).isEmpty()) {
                unread.add(HouseholdForm.LOCATION_MUNICIPALITY);
            }
            var permitDate = date(cell.apply(HouseholdForm.PERMIT_DATE), row, rowProblems, unread);
            var education = choice(Profile.Education.class, cell.apply(HouseholdForm.EDUCATION),
                    Profile.Education.UNKNOWN, row, HouseholdForm.EDUCATION, rowProblems);
            var work = choice(Profile.WorkExperience.class, cell.apply(HouseholdForm.WORK_EXPERIENCE),
                    Profile.WorkExperience.UNKNOWN, row, HouseholdForm.WORK_EXPERIENCE, rowProblems);
            var limitation = choice(Profile.Limitation.class, cell.apply(HouseholdForm.LIMITATION),
                    Profile.Limitation.NONE, row, HouseholdForm.LIMITATION, rowProblems);
            var members = members(cell.apply(HouseholdForm.MEMBERS), row, rowProblems, unread);
            var criteria = criteria(cell.apply(HouseholdForm.CRITERIA), row, rowProblems);
            var language = cell.apply(HouseholdForm.LANGUAGE);
            var form = new HouseholdForm(cell.apply(HouseholdForm.REFERENCE), cell.apply(HouseholdForm.LOCATION),
                    municipality, permitDate,
                    new Profile(language.isEmpty() ? null : language, education, work, limitation), members, criteria);
            if (municipality == null && cell.apply(HouseholdForm.LOCATION_MUNICIPALITY).isEmpty()) {
                rowProblems.add(Problem.atRow(row, HouseholdForm.LOCATION_MUNICIPALITY, "household.municipality.missing"));
                unread.add(HouseholdForm.LOCATION_MUNICIPALITY);
            }
            rowProblems.addAll(form.problems(row, known, today, unread));
            var reference = cell.apply(HouseholdForm.REFERENCE);
            if (!reference.isEmpty()) {
                var earlier = firstRowOf.putIfAbsent(reference.toUpperCase(Locale.ROOT), row);
                if (earlier != null) {
                    rowProblems.add(Problem.atRow(row, HouseholdForm.REFERENCE, "households.reference.duplicateInFile",
                            reference, earlier));
                }
            }
            problems.addAll(rowProblems);
            if (rowProblems.isEmpty()) {
                entries.add(new Entry(row, form));
            }
        }
        var taken = registered.apply(List.copyOf(firstRowOf.keySet()));
        for (var reference : taken) {
            int row = firstRowOf.get(reference);
            problems.add(Problem.atRow(row, HouseholdForm.REFERENCE, "households.reference.exists",
                    upload.rows().stream().filter(r -> r.line() == row).findFirst()
                            .map(r -> r.cells().get(columns.get(HouseholdForm.REFERENCE)).strip()).orElse(reference)));
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(Problem::row));
            throw new InvalidInput(problems);
        }
        return entries;
    }

    private static LocalDate date(String value, int row, List<Problem> problems, List<String> unread) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return value.length() == 10 && value.charAt(4) == '-' ? LocalDate.parse(value) : LocalDate.parse(value, DUTCH_DATE);
        }
        catch (DateTimeParseException e) {
            problems.add(Problem.atRow(row, HouseholdForm.PERMIT_DATE, "household.permitDate.invalid", value));
            unread.add(HouseholdForm.PERMIT_DATE);
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, E blank, int row, String field,
            List<Problem> problems) {
        if (value.isEmpty()) {
            return blank;
        }
        var parsed = Profile.parse(type, value);
        if (parsed.isEmpty()) {
            problems.add(Problem.atRow(row, field, "household.choice.unknown", value,
                    String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            return blank;
        }
        return parsed.get();
    }

    static List<Member> members(String value, int row, List<Problem> problems, List<String> unread) {
        var members = new ArrayList<Member>();
        if (value.isEmpty()) {
            return members;
        }
        for (var part : value.split("\\|")) {
            var fields = part.strip().split("/");
            if (fields.length != 3) {
                problems.add(Problem.atRow(row, HouseholdForm.MEMBERS, "household.member.format", part.strip()));
                unread.add(HouseholdForm.MEMBERS);
                continue;
            }
            var age = Member.AgeBand.parse(fields[0]);
            var sex = Member.Sex.parse(fields[1]);
            var role = Member.Role.parse(fields[2]);
            if (age.isEmpty() || sex.isEmpty() || role.isEmpty()) {
                problems.add(Problem.atRow(row, HouseholdForm.MEMBERS, "household.member.format", part.strip()));
                unread.add(HouseholdForm.MEMBERS);
                continue;
            }
            members.add(new Member(age.get(), sex.get(), role.get()));
        }
        return members;
    }

    static List<FirmCriterion> criteria(String value, int row, List<Problem> problems) {
        var criteria = new ArrayList<FirmCriterion>();
        if (value.isEmpty()) {
            return criteria;
        }
        for (var part : value.split("\\|")) {
            var fields = part.strip().split(":");
            var kind = fields.length >= 2 ? Profile.parse(FirmCriterion.Kind.class, fields[0]) : java.util.Optional.<FirmCriterion.Kind>empty();
            MunicipalityCode code = null;
            Integer hours = null;
            boolean readable = kind.isPresent() && fields.length <= 3;
            if (readable) {
                try {
                    code = MunicipalityCode.parse(fields[1].strip());
                    hours = fields.length == 3 ? Integer.valueOf(fields[2].strip()) : null;
                }
                catch (IllegalArgumentException e) {
                    readable = false;
                }
            }
            if (!readable) {
                problems.add(Problem.atRow(row, HouseholdForm.CRITERIA, "household.criterion.format", part.strip()));
                continue;
            }
            criteria.add(new FirmCriterion(kind.get(), code, hours));
        }
        return criteria;
    }
}
