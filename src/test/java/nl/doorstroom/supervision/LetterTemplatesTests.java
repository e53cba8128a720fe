package nl.doorstroom.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.Scope;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.ProvinceCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** The provinces' letter texts on embedded PostgreSQL; the test supervisor keeps those of Utrecht (PV26). */
@IntegrationTest
class LetterTemplatesTests {

    static final ProvinceCode UTRECHT = ProvinceCode.of("PV26");
    static final ProvinceCode NOORD_HOLLAND = ProvinceCode.of("PV27");

    static final String INTENTION = """
            Geacht college van {{gemeente}},

            U kunt tot en met {{termijn}} alsnog zelf voldoen.""";

    @Autowired
    LetterTemplates templates;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeTheTextsAndSignOut() {
        jdbc.sql("DELETE FROM letter_template").update();
        SecurityContextHolder.clearContext();
    }

    @Test
    void usesTheDefaultTextUntilTheProvinceWritesItsOwn() {
        var template = templates.template(UTRECHT, DocumentKind.WARNING_LETTER);

        assertThat(template.isDefault()).isTrue();
        assertThat(template.version()).isEqualTo(-1);
        assertThat(template.body()).startsWith("Geacht college,").contains("{{gemeente}}", "{{tekort}}");
    }

    @Test
    void storesAChangeAndCountsItsVersions() throws Exception {
        var first = TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> templates.change(UTRECHT, DocumentKind.INTENTION, INTENTION, -1));
        var second = TestUsers.as(Role.PROVINCE_SUPERVISOR,
                () -> templates.change(UTRECHT, DocumentKind.INTENTION, INTENTION + "\n\nHoogachtend,", 0));

        var stored = templates.template(UTRECHT, DocumentKind.INTENTION);
        assertThat(first.version()).isZero();
        assertThat(second.version()).isEqualTo(1);
        assertThat(stored).isEqualTo(new LetterTemplate(UTRECHT, DocumentKind.INTENTION, INTENTION + "\n\nHoogachtend,", false, 1));
        assertThat(templates.template(NOORD_HOLLAND, DocumentKind.INTENTION).isDefault()).isTrue();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE action = 'letter-template.changed' AND subject_type = 'province'
                    AND subject_id = 'PV26' AND actor = 'test-province_supervisor' AND detail LIKE 'kind=INTENTION%'""")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void refusesAChangeBasedOnATextChangedInTheMeantime() throws Exception {
        TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> templates.change(UTRECHT, DocumentKind.INTENTION, INTENTION, -1));
        TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> templates.change(UTRECHT, DocumentKind.INTENTION, INTENTION + " A", 0));

        var stale = catchThrowableOfType(EditConflict.class, () -> TestUsers.as(Role.PROVINCE_SUPERVISOR,
                () -> templates.change(UTRECHT, DocumentKind.INTENTION, INTENTION + " B", 0)));
        var readAsDefault = catchThrowableOfType(EditConflict.class, () -> TestUsers.as(Role.PROVINCE_SUPERVISOR,
                () -> templates.change(UTRECHT, DocumentKind.INTENTION, INTENTION + " C", -1)));

        assertThat(stale).isNotNull();
        assertThat(readAsDefault).isNotNull();
        assertThat(templates.template(UTRECHT, DocumentKind.INTENTION).body()).isEqualTo(INTENTION + " A");
    }

    @Test
    void namesEachUnknownPlaceholderOnce() {
        var body = "{{gemeente}} {{gemeent}} {{ tekort }} {{bedrag}} {{gemeent}}";

        var refused = catchThrowableOfType(InvalidInput.class, () -> TestUsers.as(Role.PROVINCE_SUPERVISOR,
                () -> templates.change(UTRECHT, DocumentKind.WARNING_LETTER, body, -1)));

        assertThat(refused.problems()).containsExactly(
                Problem.of("body", "supervision.template.body.unknownPlaceholder", "gemeent", "{{gemeent}}"),
                Problem.of("body", "supervision.template.body.unknownPlaceholder", "bedrag", "{{bedrag}}"));
        assertThat(templates.template(UTRECHT, DocumentKind.WARNING_LETTER).isDefault()).isTrue();
    }

    @Test
    void refusesAnIntentionOrDecisionThatDoesNotNameTheDeadline() throws Exception {
        var body = "Geacht college van {{gemeente}}, wij zijn voornemens in uw plaats te voorzien.";

        var intention = catchThrowableOfType(InvalidInput.class, () -> TestUsers.as(Role.PROVINCE_SUPERVISOR,
                () -> templates.change(UTRECHT, DocumentKind.INTENTION, body, -1)));
        var decision = catchThrowableOfType(InvalidInput.class, () -> TestUsers.as(Role.PROVINCE_SUPERVISOR,
                () -> templates.change(UTRECHT, DocumentKind.SUBSTITUTION_DECISION, body, -1)));
        var warning = TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> templates.change(UTRECHT, DocumentKind.WARNING_LETTER, body, -1));

        assertThat(intention.problems()).containsExactly(Problem.of("body", "supervision.template.body.missingDeadline"));
        assertThat(decision.problems()).containsExactly(Problem.of("body", "supervision.template.body.missingDeadline"));
        assertThat(warning.isDefault()).isFalse();
    }

    @Test
    void refusesABlankTextATooLongOneAndCharactersThePdfCannotShow() {
        var blank = catchThrowableOfType(InvalidInput.class, () -> TestUsers.as(Role.PROVINCE_SUPERVISOR,
                () -> templates.change(UTRECHT, DocumentKind.WARNING_LETTER, " \n ", -1)));
        var tooLong = catchThrowableOfType(InvalidInput.class, () -> TestUsers.as(Role.PROVINCE_SUPERVISOR,
                () -> templates.change(UTRECHT, DocumentKind.WARNING_LETTER, "x".repeat(20_001), -1)));
        var arrow = catchThrowableOfType(InvalidInput.class, () -> TestUsers.as(Role.PROVINCE_SUPERVISOR,
                () -> templates.change(UTRECHT, DocumentKind.WARNING_LETTER, "Tekort → {{tekort}}, € 5, Fryslân", -1)));

        assertThat(blank.problems()).extracting(Problem::messageKey).containsExactly("supervision.template.body.blank");
        assertThat(tooLong.problems()).containsExactly(
                Problem.of("body", "supervision.template.body.tooLong", 20_001, 20_000));
        assertThat(arrow.problems()).containsExactly(
                Problem.of("body", "supervision.template.body.unprintable", "→", "U+2192"));
    }

    @Test
    void refusesTheSupervisorOfAnotherProvince() {
        var northHolland = new DoorstroomUser(3, "test-supervisor-pv27", "Toezicht Noord-Holland", Role.PROVINCE_SUPERVISOR,
                Scope.province(NOORD_HOLLAND));
        SecurityContextHolder.getContext().setAuthentication(TestUsers.signedIn(northHolland));

        var change = catchThrowableOfType(AccessDeniedException.class,
                () -> templates.change(UTRECHT, DocumentKind.INTENTION, INTENTION, -1));
        var read = catchThrowableOfType(AccessDeniedException.class, () -> templates.templates(UTRECHT));
        var own = templates.templates(NOORD_HOLLAND);

        assertThat(change).isNotNull();
        assertThat(read).isNotNull();
        assertThat(own).extracting(LetterTemplate::kind).containsExactly(DocumentKind.values());
        assertThat(templates.template(UTRECHT, DocumentKind.INTENTION).isDefault()).isTrue();
    }

    @Test
    void letsNationalRolesReadButNotChangeAndMunicipalitiesNeither() {
        var analystReads = catchThrowableOfType(AccessDeniedException.class,
                () -> TestUsers.as(Role.MINISTRY_ANALYST, () -> templates.templates(UTRECHT)));
        var analystChanges = catchThrowableOfType(AccessDeniedException.class, () -> TestUsers.as(Role.MINISTRY_ANALYST,
                () -> templates.change(UTRECHT, DocumentKind.INTENTION, INTENTION, -1)));
        var officerReads = catchThrowableOfType(AccessDeniedException.class,
                () -> TestUsers.as(Role.MUNICIPALITY_OFFICER, () -> templates.templates(UTRECHT)));

        assertThat(analystReads).isNull();
        assertThat(analystChanges).isNotNull();
        assertThat(officerReads).isNotNull();
    }

    @Test
    void putsTheDefaultBackInUse() throws Exception {
        TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> templates.change(UTRECHT, DocumentKind.INTENTION, INTENTION, -1));
        TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> templates.change(UTRECHT, DocumentKind.INTENTION, INTENTION + " A", 0));

        var stale = catchThrowableOfType(EditConflict.class,
                () -> TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> templates.reset(UTRECHT, DocumentKind.INTENTION, 0)));
        var reset = TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> templates.reset(UTRECHT, DocumentKind.INTENTION, 1));

        assertThat(stale).isNotNull();
        assertThat(reset.isDefault()).isTrue();
        assertThat(templates.template(UTRECHT, DocumentKind.INTENTION)).isEqualTo(reset);
    }

    @Test
    void writesTheStoredTextIntoTheExample() throws Exception {
        TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> templates.change(UTRECHT, DocumentKind.INTENTION, INTENTION, -1));

        var example = TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> templates.preview(UTRECHT, DocumentKind.INTENTION));

        assertThat(example.text()).startsWith("Geacht college van Voorbeeldgemeente,");
        assertThat(CaseLettersTests.text(example.pdf())).contains("VOORBEELD").contains("Gedeputeerde Staten van Utrecht")
                .contains("Geacht college van Voorbeeldgemeente,");
    }

    @Test
    void listsThePlaceholdersEachWithAnExplanation() {
        assertThat(LetterTemplates.PLACEHOLDERS).contains("gemeente", "termijn", "achterstand", "wettelijke_grondslag")
                .doesNotHaveDuplicates();
        assertThat(LetterTemplates.PLACEHOLDERS.stream().map(LetterTemplates::placeholderMessageKey).toList())
                .allMatch(k -> k.startsWith("supervision.placeholder."));
        assertThat(List.copyOf(LetterTemplates.READERS)).doesNotContain(Role.MUNICIPALITY_OFFICER, Role.HOUSING_CORPORATION);
    }
}
