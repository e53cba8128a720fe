package nl.doorstroom.permitholders.web;

import java.util.ArrayList;
import java.util.List;

import nl.doorstroom.shared.FormInput;
import nl.doorstroom.permitholders.FirmCriterion;
import nl.doorstroom.permitholders.Household;
import nl.doorstroom.permitholders.HouseholdForm;
import nl.doorstroom.permitholders.Member;
import nl.doorstroom.permitholders.Profile;
import nl.doorstroom.shared.InvalidInput.Problem;
import org.springframework.util.MultiValueMap;

/**
 * The household form as typed: every field as text, members and firm criteria as rows (a row left
 * empty is no member or criterion). Shown again as it was after a refusal, so that nothing typed is lost.
 */
record HouseholdInput(String reference, String location, String locationMunicipality, String permitDate,
        String language, String education, String workExperience, String limitation, List<MemberInput> members,
        List<CriterionInput> criteria) {

    /** Empty member rows the form always offers, and how many more "add rows" gives. */
    static final int EMPTY_MEMBERS = 2;
    static final int MINIMUM_MEMBER_ROWS = 4;
    static final int EMPTY_CRITERIA = 1;
    static final int MINIMUM_CRITERION_ROWS = 2;
    static final int MORE_ROWS = 3;

    record MemberInput(String ageBand, String sex, String role) {

        public boolean blank() {
            return FormInput.blank(ageBand) && FormInput.blank(sex) && FormInput.blank(role);
        }
    }

    record CriterionInput(String kind, String municipality, String hours) {

        public boolean blank() {
            return FormInput.blank(kind) && FormInput.blank(municipality) && FormInput.blank(hours);
        }
    }

    static HouseholdInput empty() {
        return new HouseholdInput("", "", "", "", "", Profile.Education.UNKNOWN.name(),
                Profile.WorkExperience.UNKNOWN.name(), Profile.Limitation.NONE.name(), List.of(), List.of())
                .withEmptyRows(0, 0);
    }

    static HouseholdInput of(Household household) {
        var profile = household.profile();
        var members = household.members().stream()
                .map(m -> new MemberInput(m.ageBand().name(), m.sex().name(), m.role().name())).toList();
        var criteria = household.criteria().stream().map(c -> new CriterionInput(c.kind().name(),
                c.municipality().value(), c.hoursPerWeek() == null ? "" : c.hoursPerWeek().toString())).toList();
        return new HouseholdInput(household.reference(), household.location(),
                household.locationMunicipality() == null ? "" : household.locationMunicipality().value(),
                household.journey().permitDate().toString(), profile.language() == null ? "" : profile.language(),
                profile.education().name(), profile.workExperience().name(), profile.limitation().name(), members,
                criteria).withEmptyRows(0, 0);
    }

    /** The form's fields as posted; the rows in the order of the page. */
    static HouseholdInput from(MultiValueMap<String, String> form) {
        var ages = form.getOrDefault("memberAge", List.of());
        var sexes = form.getOrDefault("memberSex", List.of());
        var roles = form.getOrDefault("memberRole", List.of());
        var members = new ArrayList<MemberInput>();
        for (int i = 0; i < Math.max(ages.size(), Math.max(sexes.size(), roles.size())); i++) {
            members.add(new MemberInput(at(ages, i), at(sexes, i), at(roles, i)));
        }
        var kinds = form.getOrDefault("criterionKind", List.of());
        var municipalities = form.getOrDefault("criterionMunicipality", List.of());
        var hours = form.getOrDefault("criterionHours", List.of());
        var criteria = new ArrayList<CriterionInput>();
        for (int i = 0; i < Math.max(kinds.size(), Math.max(municipalities.size(), hours.size())); i++) {
            criteria.add(new CriterionInput(at(kinds, i), at(municipalities, i), at(hours, i)));
        }
        return new HouseholdInput(first(form, "reference"), first(form, "location"), first(form, "locationMunicipality"),
                first(form, "permitDate"), first(form, "language"), first(form, "education"),
                first(form, "workExperience"), first(form, "limitation"), members, criteria);
    }

    /**
     * At least the minimum rows, with some empty ones at the end, plus {@code moreMembers} and
     * {@code moreCriteria} further empty rows (the form's "add rows" buttons, which work without JavaScript).
     */
    HouseholdInput withEmptyRows(int moreMembers, int moreCriteria) {
        var memberRows = new ArrayList<>(members);
        int filled = (int) members.stream().filter(m -> !m.blank()).count();
        int wanted = Math.min(HouseholdForm.MAXIMUM_MEMBERS,
                Math.max(MINIMUM_MEMBER_ROWS, Math.max(members.size(), filled + EMPTY_MEMBERS) + moreMembers));
        while (memberRows.size() < wanted) {
            memberRows.add(new MemberInput("", "", ""));
        }
        var criterionRows = new ArrayList<>(criteria);
        int filledCriteria = (int) criteria.stream().filter(c -> !c.blank()).count();
        int wantedCriteria = Math.min(HouseholdForm.MAXIMUM_CRITERIA, Math.max(MINIMUM_CRITERION_ROWS,
                Math.max(criteria.size(), filledCriteria + EMPTY_CRITERIA) + moreCriteria));
        while (criterionRows.size() < wantedCriteria) {
            criterionRows.add(new CriterionInput("", "", ""));
        }
        return new HouseholdInput(reference, location, locationMunicipality, permitDate, language, education,
                workExperience, limitation, List.copyOf(memberRows), List.copyOf(criterionRows));
    }

    /** The household for the facade; what cannot be read is reported by {@code input} under the facade's field names. */
    HouseholdForm read(FormInput input) {
        var municipality = input.municipality(HouseholdForm.LOCATION_MUNICIPALITY, locationMunicipality);
        var permit = input.date(HouseholdForm.PERMIT_DATE, permitDate);
        var profile = new Profile(FormInput.blank(language) ? null : language.strip(),
                input.choice(Profile.Education.class, HouseholdForm.EDUCATION, education, Profile.Education.UNKNOWN),
                input.choice(Profile.WorkExperience.class, HouseholdForm.WORK_EXPERIENCE, workExperience,
                        Profile.WorkExperience.UNKNOWN),
                input.choice(Profile.Limitation.class, HouseholdForm.LIMITATION, limitation, Profile.Limitation.NONE));
        var people = new ArrayList<Member>();
        for (int i = 0; i < members.size(); i++) {
            var row = members.get(i);
            if (row.blank()) {
                continue;
            }
            if (FormInput.blank(row.ageBand()) || FormInput.blank(row.sex()) || FormInput.blank(row.role())) {
                input.problem(Problem.of(HouseholdForm.MEMBERS, "households.form.member.incomplete", i + 1));
                continue;
            }
            var age = input.choice(Member.AgeBand.class, HouseholdForm.MEMBERS, row.ageBand(), null);
            var sex = input.choice(Member.Sex.class, HouseholdForm.MEMBERS, row.sex(), null);
            var role = input.choice(Member.Role.class, HouseholdForm.MEMBERS, row.role(), null);
            if (age != null && sex != null && role != null) {
                people.add(new Member(age, sex, role));
            }
        }
        var firm = new ArrayList<FirmCriterion>();
        for (int i = 0; i < criteria.size(); i++) {
            var row = criteria.get(i);
            if (row.blank()) {
                continue;
            }
            if (FormInput.blank(row.kind()) || FormInput.blank(row.municipality())) {
                input.problem(Problem.of(HouseholdForm.CRITERIA, "households.form.criterion.incomplete", i + 1));
                continue;
            }
            var kind = input.choice(FirmCriterion.Kind.class, HouseholdForm.CRITERIA, row.kind(), null);
            var code = input.municipality(HouseholdForm.CRITERIA, row.municipality());
            var hours = input.integer(HouseholdForm.CRITERIA, row.hours());
            if (kind != null && code != null) {
                firm.add(new FirmCriterion(kind, code, hours));
            }
        }
        return new HouseholdForm(reference, location, municipality, permit, profile, people, firm);
    }

    private static String at(List<String> values, int i) {
        return i < values.size() && values.get(i) != null ? values.get(i) : "";
    }

    private static String first(MultiValueMap<String, String> form, String name) {
        var value = form.getFirst(name);
        return value == null ? "" : value;
    }
}
