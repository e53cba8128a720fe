package nl.doorstroom.permitholders.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

import nl.doorstroom.permitholders.FirmCriterion;
import nl.doorstroom.permitholders.Member;
import nl.doorstroom.permitholders.Profile;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;

class HouseholdRequestsTests {

    @Test
    void aRefusalNamesTheFieldsAsTheClientSentThem() {
        var refusal = catchThrowableOfType(InvalidInput.class, () -> HouseholdRequests.naming(HouseholdRequests.STEP_FIELDS,
                () -> {
                    throw new InvalidInput(List.of(Problem.of("occurredOn", "journey.date.future", "2099-01-01"),
                            Problem.of("rooms", "journey.dwelling.roomsMissing")));
                }));

        assertThat(refusal.problems()).extracting(Problem::field).containsExactly("date", "rooms");
        assertThat(refusal.problems().get(0).arguments()).containsExactly("2099-01-01");
    }

    @Test
    void aFileProblemKeepsItsRowAndNamesTheMembersColumnAsTheHeaderDoes() {
        var refusal = catchThrowableOfType(InvalidInput.class, () -> HouseholdRequests.naming(HouseholdRequests.FILE_COLUMNS,
                () -> {
                    throw new InvalidInput(List.of(Problem.atRow(5, "household_members", "household.members.none")));
                }));

        assertThat(refusal.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(5);
            assertThat(p.field()).isEqualTo("members");
        });
    }

    @Test
    void readsAHouseholdWithDefaultsForTheProfileLeftOut() {
        var request = new HouseholdApi.HouseholdRequest("COA-1", "azc", "307", LocalDate.of(2026, 1, 5), null, null,
                null, null, List.of(new HouseholdApi.MemberResource("30-44", "v", "hoofd")),
                List.of(new HouseholdApi.CriterionResource("work", "GM0344", 16)));

        var form = HouseholdRequests.form(request);

        assertThat(form.locationMunicipality()).isEqualTo(MunicipalityCode.of("GM0307"));
        assertThat(form.profile().education()).isEqualTo(Profile.Education.UNKNOWN);
        assertThat(form.profile().limitation()).isEqualTo(Profile.Limitation.NONE);
        assertThat(form.members()).containsExactly(new Member(Member.AgeBand.A30_44, Member.Sex.F, Member.Role.HEAD));
        assertThat(form.criteria()).containsExactly(new FirmCriterion(FirmCriterion.Kind.WORK, MunicipalityCode.of("GM0344"), 16));
    }

    @Test
    void everyValueThatCannotBeReadIsAProblemAtOnce() {
        var request = new HouseholdApi.HouseholdRequest("COA-1", "azc", "Amersfoort", null, null, "PHD", null, null,
                List.of(new HouseholdApi.MemberResource("30-44", "F", "HEAD"), new HouseholdApi.MemberResource(null, "F", "KING")),
                List.of(new HouseholdApi.CriterionResource("LOTTERY", null, null)));

        var refusal = catchThrowableOfType(InvalidInput.class, () -> HouseholdRequests.form(request));

        assertThat(refusal.problems()).extracting(Problem::field).containsExactlyInAnyOrder("locationMunicipality",
                "education", "members[1].ageBand", "members[1].role", "criteria[0].kind", "criteria[0].municipality");
    }

    @Test
    void theDutchAndEnglishBundlesOfTheApiHaveTheSameKeys() throws IOException {
        var dutch = load("/i18n/household-api.properties").stringPropertyNames();
        var english = load("/i18n/household-api_en.properties").stringPropertyNames();

        assertThat(english).containsExactlyInAnyOrderElementsOf(dutch);
    }

    private static Properties load(String resource) throws IOException {
        var properties = new Properties();
        try (var reader = new InputStreamReader(HouseholdRequestsTests.class.getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
