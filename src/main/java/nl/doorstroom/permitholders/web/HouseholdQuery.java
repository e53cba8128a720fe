package nl.doorstroom.permitholders.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import nl.doorstroom.permitholders.HouseholdFilter;
import nl.doorstroom.permitholders.OverdueBand;
import nl.doorstroom.permitholders.Stage;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters of the household list as the address carries them ({@code /households?stage=LINKED&overdue=OVERDUE}),
 * shared by the list, its downloads and every link to it (the overdue table's counts).
 *
 * @param stage repeatable
 * @param overdue {@code OVERDUE}, {@code PAST_14_WEEKS} or {@code HAR_OVER_TERM}
 * @param band an {@link OverdueBand} name; implies {@code overdue=OVERDUE}
 */
record HouseholdQuery(String reference, List<String> stage, String region, String location, String municipality,
        String province, String overdue, String band) {

    HouseholdQuery {
        stage = stage == null ? List.of() : stage.stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    /** The filter for the facade; a value that cannot be read is left out and reported. */
    HouseholdFilter filter(List<Problem> problems) {
        var stages = EnumSet.noneOf(Stage.class);
        for (var name : stage) {
            var parsed = parse(Stage.class, name, problems, "stage");
            if (parsed != null) {
                stages.add(parsed);
            }
        }
        var bandValue = parse(OverdueBand.class, band, problems, "band");
        var overdueValue = parse(HouseholdFilter.Overdue.class, overdue, problems, "overdue");
        if (bandValue != null && (overdueValue == null || overdueValue == HouseholdFilter.Overdue.ANY)) {
            overdueValue = HouseholdFilter.Overdue.OVERDUE;
        }
        return new HouseholdFilter(blankToNull(reference), stages, blankToNull(region), blankToNull(location),
                code(municipality, MunicipalityCode::parse, problems, "municipality"),
                code(province, text -> ProvinceCode.of(text.strip().toUpperCase(Locale.ROOT)), problems, "province"),
                overdueValue, bandValue);
    }

    /** The list at {@code path} with these filters and the given page (0 is the first, left out). */
    String link(String path, int page) {
        var link = UriComponentsBuilder.fromPath(path);
        add(link, "reference", reference);
        stage.forEach(s -> link.queryParam("stage", s));
        add(link, "region", region);
        add(link, "location", location);
        add(link, "municipality", municipality);
        add(link, "province", province);
        add(link, "overdue", overdue);
        add(link, "band", band);
        if (page > 0) {
            link.queryParam("page", page);
        }
        return link.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder link, String name, String value) {
        if (value != null && !value.isBlank()) {
            link.queryParam(name, value.strip());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, List<Problem> problems, String parameter) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            problems.add(Problem.of("filter", "households.filter.invalid", text.strip(), parameter));
            return null;
        }
    }

    private static <T> T code(String text, Function<String, T> parser, List<Problem> problems, String parameter) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parser.apply(text.strip());
        }
        catch (IllegalArgumentException e) {
            problems.add(Problem.of("filter", "households.filter.invalid", text.strip(), parameter));
            return null;
        }
    }
}
