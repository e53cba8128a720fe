package nl.doorstroom.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.Scope;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.progress.ProgressMonitor;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** Cases on the real database: the ladder's order, terms, closing, documents, scope and the audit trail. */
@IntegrationTest
class EscalationsIntegrationTests {

    static final ProvinceCode UTRECHT = ProvinceCode.of("PV26");
    static final LocalDate TODAY = LocalDate.now(AuditTrail.ZONE);

    @Autowired
    Escalations escalations;
    @Autowired
    MunicipalityRegistry registry;
    @Autowired
    ProgressMonitor progress;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() throws Exception {
        // Withdraw what a test left open, so that the next finds its municipality free.
        TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> {
            for (var c : escalations.cases(UTRECHT, null, true)) {
                if (!c.synthetic()) {
                    escalations.close(c.id(), c.version(), new Escalations.CaseClosing(EscalationCase.Closure.WITHDRAWN,
                            TODAY, "einde van de test", null, null, null, null, null));
                }
            }
            return null;
        });
        SecurityContextHolder.clearContext();
    }

    /** A municipality of the province with no case at all, so that no other test or the demo is in the way. */
    Municipality free() {
        var used = Set.copyOf(jdbc.sql("SELECT municipality_code FROM escalation_case").query(String.class).list());
        return registry.inProvince(UTRECHT).stream()
                .filter(m -> !used.contains(m.code().value()) && !Set.of("GM0331", "GM0335", "GM0339").contains(m.code().value()))
                .findFirst().orElseThrow();
    }

    long open(Municipality m, LocalDate on) {
        return escalations.open(new Escalations.CaseOpening(m.code(), on, "Achterstand en geen toezegging",
                "Gedeputeerde Staten", null, null, null));
    }

    Escalations.StepMove to(String key, LocalDate on, String justification) {
        return new Escalations.StepMove(key, on, "gedeputeerde Wonen", null, justification, null, false);
    }

    static List<String> fields(InvalidInput e) {
        return e.problems().stream().map(Problem::field).toList();
    }

    @Test
    void aCaseOpensAtTheFirstStepWithItsTermInCalendarDays() throws Exception {
        TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> {
            var m = free();
            var on = TODAY.minusDays(20);

            var c = escalations.find(open(m, on));

            assertThat(c.current().kind()).isEqualTo(StepKind.SIGNAL);
            assertThat(c.current().stepOn()).isEqualTo(on);
            assertThat(c.current().dueOn()).isEqualTo(on.plusDays(StepKind.SIGNAL.proposedTermDays()));
            assertThat(c.isOpen()).isTrue();
            return null;
        });
    }

    @Test
    void aSecondOpenCaseForTheSameMunicipalityIsRefused() throws Exception {
        TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> {
            var m = free();
            open(m, TODAY);

            assertThatThrownBy(() -> open(m, TODAY)).isInstanceOfSatisfying(InvalidInput.class,
                    e -> assertThat(fields(e)).containsExactly("municipality"));
            return null;
        });
    }

    @Test
    void stepsGoInOrderUnlessTheSupervisorJustifiesAJump() throws Exception {
        TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> {
            long id = open(free(), TODAY.minusDays(30));

            assertThatThrownBy(() -> escalations.move(id, 0, to("WARNING", TODAY.minusDays(20), null)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(fields(e)).containsExactly("justification"));
            var next = escalations.move(id, 0, to("OFFICIAL_TALKS", TODAY.minusDays(20), null));
            var jumped = escalations.move(id, next.version(), to("WARNING", TODAY.minusDays(10),
                    "Geen plan van aanpak na twee gesprekken"));

            assertThat(jumped.steps()).extracting(CaseStep::kind)
                    .containsExactly(StepKind.SIGNAL, StepKind.OFFICIAL_TALKS, StepKind.WARNING);
            assertThat(jumped.current().justification()).isEqualTo("Geen plan van aanpak na twee gesprekken");
            assertThat(jumped.steps().get(1).justification()).isNull();
            return null;
        });
    }

    @Test
    void aStepIsNotDatedBeforeTheOneBeforeItNorInTheFuture() throws Exception {
        TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> {
            long id = open(free(), TODAY.minusDays(10));

            assertThatThrownBy(() -> escalations.move(id, 0, to("OFFICIAL_TALKS", TODAY.minusDays(11), null)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(fields(e)).containsExactly("stepOn"));
            assertThatThrownBy(() -> escalations.move(id, 0, to("OFFICIAL_TALKS", TODAY.plusDays(1), null)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(fields(e)).containsExactly("stepOn"));
            return null;
        });
    }

    @Test
    void aSubstitutionDecisionSetsTheDeadlineAndSubstitutionFollowsADecision() throws Exception {
        TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> {
            long id = open(free(), TODAY.minusDays(30));
            var why = "Waarschuwing zonder resultaat";

            assertThatThrownBy(() -> escalations.move(id, 0, to("SUBSTITUTION_CARRIED_OUT", TODAY, why)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(fields(e)).containsExactly("stepKey"));
            assertThatThrownBy(() -> escalations.move(id, 0, to("SUBSTITUTION_DECISION", TODAY.minusDays(5), why)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(fields(e)).containsExactly("deadline"));
            var deadline = TODAY.plusDays(40);
            var decided = escalations.move(id, 0, new Escalations.StepMove("SUBSTITUTION_DECISION", TODAY.minusDays(5),
                    "Gedeputeerde Staten", null, why, deadline, false));

            assertThat(decided.current().dueOn()).isEqualTo(deadline);
            return null;
        });
    }

    @Test
    void substitutionIsCarriedOutOnlyAfterTheDecisionsDeadline() throws Exception {
        TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> {
            long pending = open(free(), TODAY.minusDays(60));
            escalations.move(pending, 0, new Escalations.StepMove("SUBSTITUTION_DECISION", TODAY.minusDays(50), "GS", null,
                    "Geen medewerking", TODAY, false));
            long passed = open(free(), TODAY.minusDays(60));
            escalations.move(passed, 0, new Escalations.StepMove("SUBSTITUTION_DECISION", TODAY.minusDays(50), "GS", null,
                    "Geen medewerking", TODAY.minusDays(1), false));

            assertThatThrownBy(() -> escalations.move(pending, 1, to("SUBSTITUTION_CARRIED_OUT", TODAY, null)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(Problem::messageKey)
                            .containsExactly("supervision.move.beforeDeadline"));
            var carriedOut = escalations.move(passed, 1, to("SUBSTITUTION_CARRIED_OUT", TODAY, null));

            assertThat(carriedOut.current().kind()).isEqualTo(StepKind.SUBSTITUTION_CARRIED_OUT);
            return null;
        });
    }

    @Test
    void anUrgentDecisionSetsNoDeadlineButKeepsTheLaddersTerm() throws Exception {
        TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> {
            long id = open(free(), TODAY.minusDays(10));

            var urgent = escalations.move(id, 0, new Escalations.StepMove("SUBSTITUTION_DECISION", TODAY.minusDays(5),
                    "GS", "Spoed: winter", "Spoed", null, true));

            assertThat(urgent.current().urgent()).isTrue();
            assertThat(urgent.current().dueOn())
                    .isEqualTo(TODAY.minusDays(5).plusDays(StepKind.SUBSTITUTION_DECISION.proposedTermDays()));
            assertThat(escalations.move(id, urgent.version(), to("SUBSTITUTION_CARRIED_OUT", TODAY, null)).current().kind())
                    .isEqualTo(StepKind.SUBSTITUTION_CARRIED_OUT);
            return null;
        });
    }

    @Test
    void theOverdueListOfAPastDateShowsEachCaseAsItStoodThen() throws Exception {
        TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> {
            var opened = TODAY.minusDays(60);
            long id = open(free(), opened);
            escalations.move(id, 0, to("OFFICIAL_TALKS", TODAY.minusDays(30), null));
            var signalDue = opened.plusDays(StepKind.SIGNAL.proposedTermDays());

            var then = escalations.overdue(signalDue.plusDays(2), UTRECHT).stream().filter(c -> c.id() == id).findFirst();

            assertThat(then).map(c -> c.current().kind()).contains(StepKind.SIGNAL);
            assertThat(then.orElseThrow().daysOverdue(signalDue.plusDays(2))).isEqualTo(2);
            assertThat(escalations.overdue(TODAY.minusDays(29), UTRECHT)).extracting(EscalationCase::id).doesNotContain(id);
            assertThat(escalations.overdue(opened.minusDays(1), UTRECHT)).extracting(EscalationCase::id).doesNotContain(id);
            return null;
        });
    }

    @Test
    void aChangeOnAStaleVersionIsRefused() throws Exception {
        TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> {
            long id = open(free(), TODAY.minusDays(30));
            escalations.move(id, 0, to("OFFICIAL_TALKS", TODAY.minusDays(20), null));

            assertThatThrownBy(() -> escalations.move(id, 0, to("ADMINISTRATIVE_TALKS", TODAY.minusDays(10), null)))
                    .isInstanceOf(EditConflict.class);
            assertThat(escalations.find(id).steps()).hasSize(2);
            return null;
        });
    }

    @Test
    void aCaseClosesOnACommitmentOnlyWithTheCommitmentRecorded() throws Exception {
        TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> {
            long id = open(free(), TODAY.minusDays(30));

            assertThatThrownBy(() -> escalations.close(id, 0, new Escalations.CaseClosing(EscalationCase.Closure.COMMITTED,
                    TODAY, null, null, null, null, null, null)))
                    .isInstanceOfSatisfying(InvalidInput.class,
                            e -> assertThat(fields(e)).containsExactlyInAnyOrder("commitmentText", "commitmentOn"));
            var closed = escalations.close(id, 0, new Escalations.CaseClosing(EscalationCase.Closure.COMMITTED, TODAY,
                    null, "30 extra woningen via de corporatie", 30, TODAY.plusDays(90), TODAY.minusDays(2),
                    "college van B&W"));

            assertThat(closed.isOpen()).isFalse();
            assertThat(closed.closure()).isEqualTo(EscalationCase.Closure.COMMITTED);
            assertThat(closed.commitment().text()).isEqualTo("30 extra woningen via de corporatie");
            assertThat(closed.commitment().places()).isEqualTo(30);
            assertThatThrownBy(() -> escalations.move(id, closed.version(), to("OFFICIAL_TALKS", TODAY, null)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(fields(e)).containsExactly("case"));
            return null;
        });
    }

    @Test
    void aCaseIsOnTheOverdueListTheDayAfterItsTermEnds() throws Exception {
        TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> {
            var opened = TODAY.minusDays(60);
            long id = open(free(), opened);
            var due = opened.plusDays(StepKind.SIGNAL.proposedTermDays());

            assertThat(escalations.overdue(due, UTRECHT)).extracting(EscalationCase::id).doesNotContain(id);
            var list = escalations.overdue(due.plusDays(3), UTRECHT);

            assertThat(list).extracting(EscalationCase::id).contains(id);
            assertThat(list.stream().filter(c -> c.id() == id).findFirst().orElseThrow().daysOverdue(due.plusDays(3)))
                    .isEqualTo(3);
            assertThat(list).isSortedAccordingTo(java.util.Comparator.comparing(c -> c.current().dueOn()));
            return null;
        });
    }

    @Test
    void everyChangeIsInTheAuditTrail() throws Exception {
        TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> {
            long id = open(free(), TODAY.minusDays(30));
            escalations.move(id, 0, to("OFFICIAL_TALKS", TODAY.minusDays(20), null));
            escalations.agree(id, new Escalations.CourseInput(EscalationCase.ActionKind.EXTRA_PLACES, "Hotel", 20,
                    TODAY.plusDays(30), null, TODAY));
            assertThatThrownBy(() -> escalations.recordCost(id, TODAY, "Projectleider", new java.math.BigDecimal("1250.50")))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(fields(e)).containsExactly("amount"));
            escalations.move(id, 1, new Escalations.StepMove("SUBSTITUTION_DECISION", TODAY.minusDays(10), "GS", null,
                    "Geen medewerking", TODAY.plusDays(30), false));
            escalations.recordCost(id, TODAY, "Projectleider", new java.math.BigDecimal("1250.50"));

            var actions = audit.search(new AuditTrail.AuditQuery(null, null, "escalation-case", null, null), 0, 200)
                    .events().stream().filter(e -> e.subjectId().equals(String.valueOf(id)))
                    .map(AuditTrail.AuditEvent::action).toList();

            assertThat(actions).contains("supervision.case.opened", "supervision.case.moved", "supervision.course.agreed",
                    "supervision.cost.recorded");
            assertThat(escalations.find(id).totalCost()).isEqualByComparingTo("1250.50");
            return null;
        });
    }

    @Test
    void aMunicipalitySeesItsOwnCasesAndAnotherProvinceNone() throws Exception {
        var m = TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> free());
        long id = TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> open(m, TODAY));
        var own = new DoorstroomUser(3, "test-officer-own", "Own", Role.MUNICIPALITY_OFFICER, Scope.municipality(m.code()));
        var other = TestUsers.officerOf(MunicipalityCode.of("GM0363"));
        var gelderland = new DoorstroomUser(4, "test-gelderland", "Gelderland", Role.PROVINCE_SUPERVISOR,
                Scope.province(ProvinceCode.of("PV25")));

        as(own, () -> assertThat(escalations.find(id).municipality()).isEqualTo(m.code()));
        as(own, () -> assertThat(escalations.cases(null, null, false)).allSatisfy(
                c -> assertThat(c.municipality()).isEqualTo(m.code())));
        as(other, () -> assertThatThrownBy(() -> escalations.find(id)).isInstanceOf(AccessDeniedException.class));
        as(gelderland, () -> assertThatThrownBy(() -> escalations.find(id)).isInstanceOf(AccessDeniedException.class));
        as(gelderland, () -> assertThatThrownBy(() -> escalations.move(id, 0, to("OFFICIAL_TALKS", TODAY, null)))
                .isInstanceOf(AccessDeniedException.class));
        as(gelderland, () -> assertThat(escalations.cases(null, null, false)).allSatisfy(
                c -> assertThat(c.province()).isEqualTo(ProvinceCode.of("PV25"))));
        as(own, () -> assertThatThrownBy(() -> escalations.move(id, 0, to("OFFICIAL_TALKS", TODAY, null)))
                .isInstanceOf(AccessDeniedException.class));
    }

    @Test
    void aWarningLetterStatesTheFiguresTheLegalBasisAndTheDeadline() throws Exception {
        TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> {
            var m = free();
            long id = open(m, TODAY.minusDays(40));
            var c = escalations.move(id, 0, to("WARNING", TODAY.minusDays(5), "Geen reactie op twee brieven"));
            var deadline = TODAY.plusDays(28);

            assertThatThrownBy(() -> escalations.writeDocument(id, DocumentKind.SUBSTITUTION_DECISION, deadline))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(fields(e)).containsExactly("documentKind"));
            assertThatThrownBy(() -> escalations.writeDocument(id, DocumentKind.INTENTION, null))
                    .isInstanceOfSatisfying(InvalidInput.class,
                            e -> assertThat(fields(e)).containsExactly("documentDeadline"));
            long document = escalations.writeDocument(id, DocumentKind.WARNING_LETTER, deadline);
            long intention = escalations.writeDocument(id, DocumentKind.INTENTION, deadline);

            // The letter is about the half-year last assessed, not the one running.
            var figures = progress.at(TODAY).municipality(m.code()).orElseThrow().lastAssessed().orElseThrow();
            var number = java.text.NumberFormat.getIntegerInstance(Locale.forLanguageTag("nl"));
            var text = text(escalations.pdf(id, document));
            assertThat(text).contains(m.name()).contains("124")
                    .contains(number.format(figures.quota())).contains(number.format(figures.correctedQuota()))
                    .contains(number.format(figures.housed())).contains(number.format(figures.shortfall()))
                    .contains(deadline.format(java.time.format.DateTimeFormatter.ofPattern("d-M-yyyy")));
            var kept = escalations.find(id).documents();
            assertThat(kept).extracting(EscalationCase.CaseDocument::kind)
                    .containsExactly(DocumentKind.WARNING_LETTER, DocumentKind.INTENTION);
            assertThat(kept.get(0).forPublication()).isFalse();
            assertThat(kept.get(1).forPublication()).isTrue();
            assertThat(kept.get(1).awaitingPublication()).isTrue();
            assertThat(kept).allSatisfy(d -> assertThat(d.stepSeq()).isEqualTo(c.current().seq()));
            var published = escalations.recordPublication(id, intention, TODAY, TODAY);
            assertThat(published.documents().get(1).awaitingPublication()).isFalse();
            return null;
        });
    }

    static String text(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    interface Work {
        void run() throws Exception;
    }

    static void as(DoorstroomUser user, Work work) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(TestUsers.signedIn(user));
        try {
            work.run();
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }
}
