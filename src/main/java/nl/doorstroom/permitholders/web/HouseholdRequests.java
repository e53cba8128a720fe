package nl.doorstroom.permitholders.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import nl.doorstroom.permitholders.FirmCriterion;
import nl.doorstroom.permitholders.HouseholdForm;
import nl.doorstroom.permitholders.Member;
import nl.doorstroom.permitholders.Profile;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;

/**
 * Reads the API's requests into the module's terms, and names every problem after the field the client
 * sent: the JSON body says {@code permitDate} and {@code date} where the register speaks of the CSV
 * column {@code permit_date} and of the step's {@code occurredOn}.
 */
final class HouseholdRequests {

    /** The register's field names (its CSV columns) as the JSON body of a household spells them. */
    static final Map<String, String> BODY_FIELDS = Map.of(
            HouseholdForm.LOCATION_MUNICIPALITY, "locationMunicipality",
            HouseholdForm.PERMIT_DATE, "permitDate",
            HouseholdForm.WORK_EXPERIENCE, "workExperience",
            HouseholdForm.MEMBERS, "members");

    /** The register names the members column {@code household_members}; the file's header says {@code members}. */
    static final Map<String, String> FILE_COLUMNS = Map.of(HouseholdForm.MEMBERS, "members");

    /** A step's date is {@code occurredOn} in the journey and {@code date} in every step's body. */
    static final Map<String, String> STEP_FIELDS = Map.of("occurredOn", "date");

    private HouseholdRequests() {
    }

    /** Runs a call to the module; a refusal comes back with its fields named as the client named them. */
    static <T> T naming(Map<String, String> names, Supplier<T> call) {
        try {
            return call.get();
        }
        catch (InvalidInput e) {
            throw new InvalidInput(e.problems().stream()
                    .map(p -> new Problem(p.row(), names.getOrDefault(p.field(), p.field()), p.messageKey(), p.arguments()))
                    .toList());
        }
    }

    static void naming(Map<String, String> names, Runnable call) {
        naming(names, () -> {
            call.run();
            return null;
        });
    }

    /** A step names the version of the household it was based on; without it no conflict can be seen. */
    static int version(Integer version) {
        if (version == null) {
            throw InvalidInput.of("version", "householdApi.version.missing");
        }
        return version;
    }

    /** A household as the body describes it; every value that cannot be read is a problem, all at once. */
    static HouseholdForm form(HouseholdApi.HouseholdRequest request) {
        var problems = new ArrayList<Problem>();
        var locationMunicipality = municipality(request.locationMunicipality(), "locationMunicipality", problems);
        var education = choice(Profile.Education.class, request.education(), Profile.Education.UNKNOWN, "education",
                problems);
        var work = choice(Profile.WorkExperience.class, request.workExperience(), Profile.WorkExperience.UNKNOWN,
                "workExperience", problems);
        var limitation = choice(Profile.Limitation.class, request.limitation(), Profile.Limitation.NONE, "limitation",
                problems);
        var members = new ArrayList<Member>();
        var given = request.members() == null ? List.<HouseholdApi.MemberResource>of() : request.members();
        for (int i = 0; i < given.size(); i++) {
            var member = given.get(i) == null ? new HouseholdApi.MemberResource(null, null, null) : given.get(i);
            var field = "members[" + i + "].";
            var age = read(Member.AgeBand::parse, member.ageBand(), field + "ageBand",
                    Arrays.stream(Member.AgeBand.values()).map(Member.AgeBand::label).toList(), problems);
            var sex = read(Member.Sex::parse, member.sex(), field + "sex", names(Member.Sex.values()), problems);
            var role = read(Member.Role::parse, member.role(), field + "role", names(Member.Role.values()), problems);
            if (age.isPresent() && sex.isPresent() && role.isPresent()) {
                members.add(new Member(age.get(), sex.get(), role.get()));
            }
        }
        var criteria = new ArrayList<FirmCriterion>();
        var stated = request.criteria() == null ? List.<HouseholdApi.CriterionResource>of() : request.criteria();
        for (int i = 0; i < stated.size(); i++) {
            var criterion = stated.get(i) == null ? new HouseholdApi.CriterionResource(null, null, null) : stated.get(i);
            var field = "criteria[" + i + "].";
            var kind = read(text -> parse(FirmCriterion.Kind.class, text), criterion.kind(), field + "kind",
                    names(FirmCriterion.Kind.values()), problems);
            var municipality = criterion.municipality() == null
                    ? missing(field + "municipality", "household.municipality.missing", problems)
                    : municipality(criterion.municipality(), field + "municipality", problems);
            if (kind.isPresent() && municipality != null) {
                criteria.add(new FirmCriterion(kind.get(), municipality, criterion.hoursPerWeek()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new HouseholdForm(request.reference(), request.location(), locationMunicipality, request.permitDate(),
                new Profile(request.language(), education, work, limitation), members, criteria);
    }

    /** A municipality code from a query or body; null when none was given. */
    static MunicipalityCode municipality(String text, String field) {
        var problems = new ArrayList<Problem>();
        var code = municipality(text, field, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return code;
    }

    static ProvinceCode province(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ProvinceCode.of(text.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw InvalidInput.of(field, "householdApi.province.invalid", text);
        }
    }

    private static MunicipalityCode municipality(String text, String field, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return MunicipalityCode.parse(text.strip());
        }
        catch (IllegalArgumentException e) {
            problems.add(Problem.of(field, "household.municipality.invalid", text));
            return null;
        }
    }

    private static MunicipalityCode missing(String field, String key, List<Problem> problems) {
        problems.add(Problem.of(field, key));
        return null;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String text, E blank, String field,
            List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return blank;
        }
        return read(value -> parse(type, value), text, field, names(type.getEnumConstants()), problems).orElse(blank);
    }

    private static <T> Optional<T> read(Function<String, Optional<T>> parser, String text, String field,
            List<String> allowed, List<Problem> problems) {
        var value = text == null ? Optional.<T>empty() : parser.apply(text);
        if (value.isEmpty()) {
            problems.add(Problem.of(field, "household.choice.unknown", text == null ? "" : text, String.join(", ", allowed)));
        }
        return value;
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        try {
            return Optional.of(Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT)));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
