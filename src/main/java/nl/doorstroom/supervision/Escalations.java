package nl.doorstroom.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.ScopeKind;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervision cases: a province opens one against a municipality, moves it up its ladder step by step
 * (each move dated, with the decision-maker, notes and, for anything but the next step, a justification),
 * agrees a course of action, records costs and the minister's requests, and closes it when the
 * municipality complies or credibly commits (Gemeentewet art. 124d). Every change is in the audit trail.
 */
@Service
public class Escalations {

    public static final int MAX_TEXT = 2000;
    public static final int MAX_SHORT = 200;

    /** Opening a case: by default at the ladder's first step; another step needs a justification. */
    public record CaseOpening(MunicipalityCode municipality, LocalDate openedOn, String reason, String decisionMaker,
            String stepKey, String justification, String notes) {
    }

    /**
     * A move to a step of the ladder.
     *
     * @param deadline for a substitution decision: the date by which the municipality can still comply
     *        (art. 124(2)); it is then the step's due date
     * @param urgent a substitution decision without such a deadline because the case is urgent (art. 124(2))
     */
    public record StepMove(String stepKey, LocalDate stepOn, String decisionMaker, String notes, String justification,
            LocalDate deadline, boolean urgent) {
    }

    /** Closing a case; for a commitment (art. 124d) what was committed, when and by whom. */
    public record CaseClosing(EscalationCase.Closure closure, LocalDate closedOn, String note, String commitmentText,
            Integer commitmentPlaces, LocalDate commitmentDue, LocalDate commitmentOn, String commitmentBy) {
    }

    public record CourseInput(EscalationCase.ActionKind kind, String description, Integer places, LocalDate dueOn,
            String partners, LocalDate agreedOn) {
    }

    private final JdbcClient jdbc;
    private final StoredCases cases;
    private final EscalationLadders ladders;
    private final MunicipalityRegistry registry;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final LetterTemplates templates;
    private final CaseLetters letters;
    private final nl.doorstroom.progress.ProgressMonitor progress;
    private final Assessments assessments;
    private final boolean synthetic;

    Escalations(JdbcClient jdbc, StoredCases cases, EscalationLadders ladders, MunicipalityRegistry registry,
            AuditTrail audit, ApplicationEventPublisher events, LetterTemplates templates, CaseLetters letters,
            nl.doorstroom.progress.ProgressMonitor progress, Assessments assessments,
            @org.springframework.beans.factory.annotation.Value("${doorstroom.demo.enabled:false}") boolean synthetic) {
        this.templates = templates;
        this.letters = letters;
        this.progress = progress;
        this.assessments = assessments;
        this.synthetic = synthetic;
        this.jdbc = jdbc;
        this.cases = cases;
        this.ladders = ladders;
        this.registry = registry;
        this.audit = audit;
        this.events = events;
    }

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    // ---- reading

    /** A case, if the reader's scope covers its municipality. */
    @Transactional(readOnly = true)
    public EscalationCase find(long id) {
        Supervisors.requireReader();
        var found = cases.byId(id).orElseThrow(() -> new SupervisionNotFound("case " + id));
        if (!Supervisors.maySee(found.municipality(), found.province())) {
            throw new AccessDeniedException("Not in the reader's scope");
        }
        return found;
    }

    /**
     * The cases the reader sees: in a province (null: every province the reader sees), of one municipality
     * (null: all), open only or all; newest first.
     */
    @Transactional(readOnly = true)
    public List<EscalationCase> cases(ProvinceCode province, MunicipalityCode municipality, boolean openOnly) {
        var user = Supervisors.requireReader();
        var scope = user.scope();
        var narrowed = province;
        if (scope.kind() == ScopeKind.PROVINCE) {
            if (province != null && !province.equals(scope.province())) {
                throw new AccessDeniedException("Another province");
            }
            narrowed = scope.province();
        }
        return cases.find(narrowed, municipality, openOnly).stream()
                .filter(c -> scope.covers(c.municipality(), c.province())).toList();
    }

    /**
     * Cases open on the date whose step then was past its term: the longest overdue first. For a past date
     * each case as it stood then; for a later date as it stands now.
     */
    @Transactional(readOnly = true)
    public List<EscalationCase> overdue(LocalDate date, ProvinceCode province) {
        return cases(province, null, false).stream().map(c -> c.asOf(date)).flatMap(java.util.Optional::stream)
                .filter(c -> c.overdueOn(date))
                .sorted(Comparator.comparing((EscalationCase c) -> c.current().dueOn()).thenComparing(EscalationCase::id))
                .toList();
    }

    /** The PDF of a case's document. */
    @Transactional
    public byte[] pdf(long caseId, long documentId) {
        find(caseId);
        audit.record(CurrentUser.actor(), "supervision.document.read", "escalation-case", caseId, "document=" + documentId);
        return cases.pdf(caseId, documentId);
    }

    /**
     * For other modules (the coordination centre's call list): each municipality with an open case and
     * the kind of its current step. Holds no personal data.
     */
    @Transactional(readOnly = true)
    public Map<MunicipalityCode, StepKind> openSteps() {
        var open = new HashMap<MunicipalityCode, StepKind>();
        jdbc.sql("""
                SELECT c.municipality_code, s.kind FROM escalation_case c
                JOIN escalation_case_step s ON s.case_id = c.id
                WHERE c.status = 'OPEN' AND s.seq = (SELECT max(seq) FROM escalation_case_step WHERE case_id = c.id)""")
                .query(rs -> {
                    open.put(MunicipalityCode.of(rs.getString(1)), StepKind.valueOf(rs.getString(2)));
                });
        return open;
    }

    /** The picture of a province's cases (null: the nation's) on a date. */
    @Transactional(readOnly = true)
    public SupervisionDashboard dashboard(ProvinceCode province, LocalDate date) {
        var ladder = province == null ? EscalationLadder.defaultFor(null) : ladders.of(province);
        return SupervisionDashboard.of(date, province, ladder, cases(province, null, false).stream()
                .map(c -> c.asOf(date)).flatMap(java.util.Optional::stream).toList());
    }

    /** Per province, how many open cases are at each kind of step (for the readers' scope). */
    @Transactional(readOnly = true)
    public Map<ProvinceCode, Map<StepKind, Integer>> openByProvince() {
        return SupervisionDashboard.byProvince(cases(null, null, true));
    }

    /** Whether any case exists (the demo adds its own only to an empty register). */
    @Transactional(readOnly = true)
    public boolean anyCase() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM escalation_case)").query(Boolean.class).single();
    }

    /** Labels a case as synthetic demo data; the province's supervisors only. */
    @Transactional
    public void markSynthetic(long caseId) {
        var found = cases.byId(caseId).orElseThrow(() -> new SupervisionNotFound("case " + caseId));
        Supervisors.requireSupervisor(found.province());
        jdbc.sql("UPDATE escalation_case SET synthetic = true WHERE id = :id").param("id", caseId).update();
    }

    // ---- changing

    @Transactional
    public long open(CaseOpening opening) {
        var municipality = opening.municipality() == null ? null : registry.find(opening.municipality()).orElse(null);
        if (municipality == null) {
            throw InvalidInput.of("municipality", "supervision.municipality.unknown");
        }
        Supervisors.requireSupervisor(municipality.province());
        var ladder = ladders.of(municipality.province());
        var problems = new ArrayList<Problem>();
        cases.find(null, municipality.code(), true).stream().findFirst().ifPresent(open -> problems.add(
                Problem.of("municipality", "supervision.case.alreadyOpen", municipality.name(), open.id())));
        date("openedOn", opening.openedOn(), null, problems);
        text("reason", opening.reason(), true, MAX_TEXT, problems);
        text("decisionMaker", opening.decisionMaker(), true, MAX_SHORT, problems);
        text("notes", opening.notes(), false, MAX_TEXT, problems);
        text("justification", opening.justification(), false, MAX_TEXT, problems);
        var step = opening.stepKey() == null || opening.stepKey().isBlank() ? ladder.first()
                : ladder.step(opening.stepKey()).orElse(null);
        if (step == null) {
            problems.add(Problem.of("stepKey", "supervision.step.unknown"));
        }
        // Starting higher than the first step skips steps: only with a justification.
        else if (!step.key().equals(ladder.first().key()) && blank(opening.justification())) {
            problems.add(Problem.of("justification", "supervision.move.jumpNeedsJustification"));
        }
        if (step != null && step.kind() == StepKind.SUBSTITUTION_DECISION || step != null
                && step.kind() == StepKind.SUBSTITUTION_CARRIED_OUT) {
            problems.add(Problem.of("stepKey", "supervision.case.openAtDecision"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO escalation_case (municipality_code, province_code, opened_on, reason, opened_by, status)
                    VALUES (:m, :p, :on, :r, :by, 'OPEN') RETURNING id""")
                    .param("m", municipality.code().value()).param("p", municipality.province().value())
                    .param("on", opening.openedOn()).param("r", opening.reason().strip()).param("by", CurrentUser.actor())
                    .query(Long.class).single();
        }
        catch (DuplicateKeyException e) {
            throw InvalidInput.of("municipality", "supervision.case.alreadyOpen", municipality.name(), "?");
        }
        insertStep(id, 0, step, opening.openedOn(), CaseStep.dueOn(opening.openedOn(), step.termDays()),
                opening.decisionMaker(), opening.notes(), opening.justification(), false);
        audit.recordChange("supervision.case.opened", "escalation-case", id,
                "municipality=" + municipality.code().value() + " step=" + step.key());
        events.publishEvent(new CaseEvents.EscalationOpened(id, municipality.code(), false));
        return id;
    }

    /**
     * Opens a case by the province's policy after a number of missed half-years in a row, at the ladder's
     * first step. Done by the system (the daily run), not by a user.
     */
    @Transactional
    long openByPolicy(Municipality municipality, int missedInARow, LocalDate date, boolean synthetic) {
        var ladder = ladders.of(municipality.province());
        long id = jdbc.sql("""
                INSERT INTO escalation_case (municipality_code, province_code, opened_on, opened_by_policy_after,
                                             opened_by, status, synthetic)
                VALUES (:m, :p, :on, :n, :by, 'OPEN', :synthetic) RETURNING id""")
                .param("m", municipality.code().value()).param("p", municipality.province().value()).param("on", date)
                .param("n", missedInARow).param("by", CurrentUser.actor()).param("synthetic", synthetic)
                .query(Long.class).single();
        var step = ladder.first();
        insertStep(id, 0, step, date, CaseStep.dueOn(date, step.termDays()), CurrentUser.actor(), null, null, false);
        audit.recordChange("supervision.case.opened", "escalation-case", id,
                "municipality=" + municipality.code().value() + " by policy after " + missedInARow + " missed");
        events.publishEvent(new CaseEvents.EscalationOpened(id, municipality.code(), true));
        return id;
    }

    /** Moves a case to a step of its province's ladder. */
    @Transactional
    public EscalationCase move(long caseId, int expectedVersion, StepMove move) {
        var found = editable(caseId);
        var ladder = ladders.of(found.province());
        var current = found.current();
        var problems = new ArrayList<Problem>();
        var step = move.stepKey() == null ? null : ladder.step(move.stepKey()).orElse(null);
        if (step == null) {
            problems.add(Problem.of("stepKey", "supervision.step.unknown"));
        }
        else if (step.key().equals(current.key())) {
            problems.add(Problem.of("stepKey", "supervision.move.sameStep"));
        }
        else if (ladder.isJump(current.key(), step.key()) && blank(move.justification())) {
            problems.add(Problem.of("justification", "supervision.move.jumpNeedsJustification"));
        }
        date("stepOn", move.stepOn(), current.stepOn(), problems);
        text("decisionMaker", move.decisionMaker(), true, MAX_SHORT, problems);
        text("notes", move.notes(), false, MAX_TEXT, problems);
        text("justification", move.justification(), false, MAX_TEXT, problems);
        var due = step == null || move.stepOn() == null ? null : CaseStep.dueOn(move.stepOn(), step.termDays());
        if (step != null && step.kind() == StepKind.SUBSTITUTION_DECISION) {
            // Art. 124(2): except in urgent cases, the decision sets a deadline within which the municipality can comply.
            if (move.urgent()) {
                if (blank(move.justification()) && blank(move.notes())) {
                    problems.add(Problem.of("notes", "supervision.move.urgentNeedsReason"));
                }
                if (move.deadline() != null) {
                    problems.add(Problem.of("deadline", "supervision.move.urgentNoDeadline"));
                }
                // Without a compliance deadline the ladder's term still applies, so an urgent case is not left unseen.
            }
            else if (move.deadline() == null) {
                problems.add(Problem.of("deadline", "supervision.move.deadlineRequired"));
            }
            else if (move.stepOn() != null && !move.deadline().isAfter(move.stepOn())) {
                problems.add(Problem.of("deadline", "supervision.move.deadlineAfterStep"));
            }
            else {
                due = move.deadline();
            }
        }
        else if (move.deadline() != null) {
            problems.add(Problem.of("deadline", "supervision.move.deadlineOnlyForDecision"));
        }
        if (step != null && step.kind() == StepKind.SUBSTITUTION_CARRIED_OUT) {
            problems.addAll(carryingOut(found, move.stepOn()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        bump(found, expectedVersion);
        insertStep(caseId, current.seq() + 1, step, move.stepOn(), due, move.decisionMaker(), move.notes(),
                move.justification(), move.urgent() && step.kind() == StepKind.SUBSTITUTION_DECISION);
        audit.recordChange("supervision.case.moved", "escalation-case", caseId,
                current.key() + " -> " + step.key() + " on " + move.stepOn()
                        + (ladder.isJump(current.key(), step.key()) ? " (justified jump)" : ""));
        events.publishEvent(new CaseEvents.EscalationStepTaken(caseId, found.municipality(), step.kind()));
        return cases.byId(caseId).orElseThrow();
    }

    /**
     * Art. 124(1)-(2): the province acts in the municipality's place only on a substitution decision, the
     * latest step up to now (not stepped back from since), and, unless the decision was urgent, only after
     * the compliance deadline it set has passed.
     */
    static List<Problem> carryingOut(EscalationCase found, LocalDate on) {
        var steps = found.steps();
        int decision = -1;
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).kind() == StepKind.SUBSTITUTION_DECISION) {
                decision = i;
                break;
            }
        }
        if (decision < 0) {
            return List.of(Problem.of("stepKey", "supervision.move.decisionFirst"));
        }
        for (int i = decision + 1; i < steps.size(); i++) {
            var later = steps.get(i).kind();
            if (later != StepKind.OTHER && later.ordinal() < StepKind.SUBSTITUTION_DECISION.ordinal()) {
                return List.of(Problem.of("stepKey", "supervision.move.decisionSteppedBack"));
            }
        }
        var decided = steps.get(decision);
        if (!decided.urgent() && decided.dueOn() != null && on != null && !on.isAfter(decided.dueOn())) {
            return List.of(Problem.of("stepOn", "supervision.move.beforeDeadline", decided.dueOn().toString()));
        }
        return List.of();
    }

    /**
     * Closes a case: the municipality complies; or it credibly commits (art. 124d), which must be recorded
     * with the case; or the province withdraws with a note.
     */
    @Transactional
    public EscalationCase close(long caseId, int expectedVersion, CaseClosing closing) {
        var found = editable(caseId);
        var problems = new ArrayList<Problem>();
        if (closing.closure() == null) {
            problems.add(Problem.of("closure", "supervision.close.closureRequired"));
        }
        date("closedOn", closing.closedOn(), found.current().stepOn(), problems);
        text("note", closing.note(), closing.closure() == EscalationCase.Closure.WITHDRAWN, MAX_TEXT, problems);
        boolean committed = closing.closure() == EscalationCase.Closure.COMMITTED;
        if (committed) {
            text("commitmentText", closing.commitmentText(), true, MAX_TEXT, problems);
            text("commitmentBy", closing.commitmentBy(), false, MAX_SHORT, problems);
            if (closing.commitmentOn() == null) {
                problems.add(Problem.of("commitmentOn", "supervision.date.required"));
            }
            else if (closing.closedOn() != null && closing.commitmentOn().isAfter(closing.closedOn())) {
                problems.add(Problem.of("commitmentOn", "supervision.close.commitmentAfterClosing"));
            }
            if (closing.commitmentPlaces() != null && closing.commitmentPlaces() <= 0) {
                problems.add(Problem.of("commitmentPlaces", "supervision.number.positive"));
            }
            if (closing.commitmentDue() != null && closing.commitmentOn() != null
                    && closing.commitmentDue().isBefore(closing.commitmentOn())) {
                problems.add(Problem.of("commitmentDue", "supervision.close.dueBeforeCommitment"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        int rows = jdbc.sql("""
                UPDATE escalation_case SET status = 'CLOSED', closed_on = :on, closure = :closure, closure_note = :note,
                       commitment_text = :ct, commitment_places = :cp, commitment_due = :cd, commitment_on = :con,
                       commitment_by = :cby, version = version + 1
                WHERE id = :id AND version = :v AND status = 'OPEN'""")
                .param("on", closing.closedOn()).param("closure", closing.closure().name())
                .param("note", strip(closing.note())).param("ct", committed ? strip(closing.commitmentText()) : null)
                .param("cp", committed ? closing.commitmentPlaces() : null)
                .param("cd", committed ? closing.commitmentDue() : null)
                .param("con", committed ? closing.commitmentOn() : null)
                .param("cby", committed ? strip(closing.commitmentBy()) : null).param("id", caseId)
                .param("v", expectedVersion).update();
        if (rows != 1) {
            throw new EditConflict("case " + caseId);
        }
        audit.recordChange("supervision.case.closed", "escalation-case", caseId,
                closing.closure() + " on " + closing.closedOn());
        events.publishEvent(new CaseEvents.EscalationClosed(caseId, found.municipality(), closing.closure()));
        return cases.byId(caseId).orElseThrow();
    }

    /** Records an item of the course of action agreed with the municipality. */
    @Transactional
    public EscalationCase agree(long caseId, CourseInput input) {
        var found = editable(caseId);
        var problems = new ArrayList<Problem>();
        if (input.kind() == null) {
            problems.add(Problem.of("kind", "supervision.action.kindRequired"));
        }
        text("description", input.description(), true, MAX_TEXT, problems);
        text("partners", input.partners(), false, MAX_SHORT, problems);
        if (input.places() != null && input.places() <= 0) {
            problems.add(Problem.of("places", "supervision.number.positive"));
        }
        if (input.kind() == EscalationCase.ActionKind.EXTRA_PLACES && input.places() == null) {
            problems.add(Problem.of("places", "supervision.action.placesRequired"));
        }
        date("agreedOn", input.agreedOn(), found.openedOn(), problems);
        if (input.dueOn() != null && input.agreedOn() != null && input.dueOn().isBefore(input.agreedOn())) {
            problems.add(Problem.of("dueOn", "supervision.action.dueBeforeAgreed"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = jdbc.sql("""
                INSERT INTO escalation_case_action (case_id, kind, description, places, due_on, partners, agreed_on, recorded_by)
                VALUES (:c, :k, :d, :p, :due, :partners, :on, :by) RETURNING id""")
                .param("c", caseId).param("k", input.kind().name()).param("d", input.description().strip())
                .param("p", input.places()).param("due", input.dueOn()).param("partners", strip(input.partners()))
                .param("on", input.agreedOn()).param("by", CurrentUser.actor()).query(Long.class).single();
        audit.recordChange("supervision.course.agreed", "escalation-case", caseId, "item=" + id + " kind=" + input.kind());
        return cases.byId(caseId).orElseThrow();
    }

    /** Records a cost of substitution, at the municipality's cost (art. 124(1)). */
    @Transactional
    public EscalationCase recordCost(long caseId, LocalDate incurredOn, String description, BigDecimal amount) {
        var found = cases.byId(caseId).orElseThrow(() -> new SupervisionNotFound("case " + caseId));
        Supervisors.requireSupervisor(found.province());
        var problems = new ArrayList<Problem>();
        date("incurredOn", incurredOn, found.openedOn(), problems);
        // Art. 124(1): the costs of substitution, so from the decision on.
        if (found.steps().stream().noneMatch(s -> s.kind() == StepKind.SUBSTITUTION_DECISION)) {
            problems.add(Problem.of("amount", "supervision.cost.beforeDecision"));
        }
        text("description", description, true, MAX_SHORT, problems);
        if (amount == null) {
            problems.add(Problem.of("amount", "supervision.amount.required"));
        }
        else if (amount.signum() <= 0 || amount.scale() > 2 || amount.compareTo(new BigDecimal("999999999999")) > 0) {
            problems.add(Problem.of("amount", "supervision.amount.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = jdbc.sql("""
                INSERT INTO escalation_case_cost (case_id, incurred_on, description, amount, recorded_by)
                VALUES (:c, :on, :d, :a, :by) RETURNING id""")
                .param("c", caseId).param("on", incurredOn).param("d", description.strip()).param("a", amount)
                .param("by", CurrentUser.actor()).query(Long.class).single();
        audit.recordChange("supervision.cost.recorded", "escalation-case", caseId, "cost=" + id + " amount=" + amount);
        return cases.byId(caseId).orElseThrow();
    }

    /** Records that the minister asked the province to act (art. 124a). */
    @Transactional
    public EscalationCase recordMinisterRequest(long caseId, LocalDate requestedOn, String reference, String note) {
        var found = cases.byId(caseId).orElseThrow(() -> new SupervisionNotFound("case " + caseId));
        if (!Supervisors.mayRecordMinisterRequest(found.province())) {
            throw new AccessDeniedException("Only the ministry or the province records the minister's request");
        }
        var problems = new ArrayList<Problem>();
        date("requestedOn", requestedOn, null, problems);
        text("reference", reference, true, MAX_SHORT, problems);
        text("note", note, false, MAX_TEXT, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = jdbc.sql("""
                INSERT INTO minister_request (case_id, requested_on, reference, note, recorded_by)
                VALUES (:c, :on, :r, :n, :by) RETURNING id""")
                .param("c", caseId).param("on", requestedOn).param("r", reference.strip()).param("n", strip(note))
                .param("by", CurrentUser.actor()).query(Long.class).single();
        audit.recordChange("supervision.minister-request.recorded", "escalation-case", caseId, "request=" + id);
        return cases.byId(caseId).orElseThrow();
    }

    /** Records that a published document was published or sent to the council (art. 124(4)), on a date. */
    @Transactional
    public EscalationCase recordPublication(long caseId, long documentId, LocalDate publishedOn,
            LocalDate sentToCouncilOn) {
        var found = cases.byId(caseId).orElseThrow(() -> new SupervisionNotFound("case " + caseId));
        Supervisors.requireSupervisor(found.province());
        var document = found.documents().stream().filter(d -> d.id() == documentId).findFirst()
                .orElseThrow(() -> new SupervisionNotFound("document " + documentId));
        var problems = new ArrayList<Problem>();
        if (!document.forPublication()) {
            problems.add(Problem.of("document", "supervision.document.notPublished"));
        }
        if (publishedOn == null && sentToCouncilOn == null) {
            problems.add(Problem.of("publishedOn", "supervision.date.required"));
        }
        var written = document.createdAt().atZone(AuditTrail.ZONE).toLocalDate();
        if (publishedOn != null) {
            date("publishedOn", publishedOn, written, problems);
        }
        if (sentToCouncilOn != null) {
            date("sentToCouncilOn", sentToCouncilOn, written, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        jdbc.sql("""
                UPDATE escalation_document SET published_on = coalesce(:p, published_on),
                       sent_to_council_on = coalesce(:s, sent_to_council_on) WHERE id = :d""")
                .param("p", publishedOn).param("s", sentToCouncilOn).param("d", documentId).update();
        audit.recordChange("supervision.document.published", "escalation-case", caseId,
                "document=" + documentId + " published=" + publishedOn + " council=" + sentToCouncilOn);
        return cases.byId(caseId).orElseThrow();
    }

    /**
     * Writes a document of the case from the province's template, filled with the municipality's figures
     * on the day, and keeps it with the case at its current step. A warning letter and an announced
     * intention belong to the warning step, a substitution decision to the decision step; the intention
     * and the decision are marked for publication and for the council (Gemeentewet art. 124(4)).
     *
     * @param deadline the date by which the municipality can still comply; for a decision the decision's
     *        own deadline when none is given
     */
    @Transactional
    public long writeDocument(long caseId, DocumentKind kind, LocalDate deadline) {
        var found = editable(caseId);
        var current = found.current();
        var problems = new ArrayList<Problem>();
        if (kind == null) {
            problems.add(Problem.of("documentKind", "supervision.document.kindRequired"));
        }
        else if (current.kind() != kind.step()) {
            problems.add(Problem.of("documentKind", "supervision.document.wrongStep"));
        }
        var until = deadline;
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (kind == DocumentKind.SUBSTITUTION_DECISION) {
            // The decision states the deadline recorded with the step (art. 124(2)); an urgent one none.
            var recorded = current.urgent() ? null : current.dueOn();
            if (deadline != null && !deadline.equals(recorded)) {
                problems.add(Problem.of("documentDeadline", recorded == null ? "supervision.document.urgentNoDeadline"
                        : "supervision.document.deadlineOfDecision", String.valueOf(recorded)));
            }
            until = recorded;
        }
        else if (kind != null && kind.deadlineRequired() && until == null) {
            problems.add(Problem.of("documentDeadline", "supervision.document.deadlineRequired"));
        }
        if (kind != DocumentKind.SUBSTITUTION_DECISION && until != null && until.isBefore(today())) {
            problems.add(Problem.of("documentDeadline", "supervision.document.deadlinePast"));
        }
        if (progress.at(today()).municipality(found.municipality()).isEmpty()) {
            problems.add(Problem.of("documentKind", "supervision.document.noFigures"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var rendered = letters.render(kind, templates.template(found.province(), kind).body(),
                figuresOf(found, until));
        long id = jdbc.sql("""
                INSERT INTO escalation_document (case_id, step_seq, kind, title, body_text, pdf, deadline, for_publication,
                                                 created_by)
                VALUES (:c, :seq, :kind, :title, :text, :pdf, :deadline, :published, :by) RETURNING id""")
                .param("c", caseId).param("seq", current.seq()).param("kind", kind.name())
                .param("title", rendered.title()).param("text", rendered.text()).param("pdf", rendered.pdf())
                .param("deadline", until).param("published", kind.published()).param("by", CurrentUser.actor())
                .query(Long.class).single();
        audit.recordChange("supervision.document.written", "escalation-case", caseId,
                "document=" + id + " kind=" + kind + " deadline=" + until);
        return id;
    }

    /** The municipality's figures in the running half-year on the day, as a document states them. */
    private LetterFigures figuresOf(EscalationCase found, LocalDate deadline) {
        var date = today();
        var municipality = progress.at(date).municipality(found.municipality());
        var history = assessments.histories().get(found.municipality());
        var course = new StringBuilder();
        for (var item : found.courseOfAction()) {
            course.append(course.isEmpty() ? "" : "\n").append(item.description());
            if (item.places() != null) {
                course.append(" (").append(item.places()).append(" plaatsen)");
            }
            if (item.dueOn() != null) {
                course.append(", uiterlijk ").append(item.dueOn().format(java.time.format.DateTimeFormatter.ofPattern("d-M-yyyy")));
            }
        }
        // The letter is about the half-year that was assessed, not the one still running (its quota is not due yet).
        var p = municipality.map(m -> m.lastAssessed().orElse(m.current())).orElse(null);
        return new LetterFigures(found.id(), found.municipality(), found.municipalityName(), found.provinceName(), date,
                p == null ? nl.doorstroom.shared.HalfYear.containing(date) : p.period(), p == null ? 0 : p.quota(),
                p == null ? 0 : p.carriedIn(), p == null ? 0 : p.correctedQuota(), p == null ? 0 : p.housed(),
                p == null ? 0 : p.shortfall(), history == null ? 0 : history.missedInARow(), deadline, course.toString(),
                synthetic || found.synthetic());
    }

    // ---- helpers

    private EscalationCase editable(long caseId) {
        var found = cases.byId(caseId).orElseThrow(() -> new SupervisionNotFound("case " + caseId));
        Supervisors.requireSupervisor(found.province());
        if (!found.isOpen()) {
            throw InvalidInput.of("case", "supervision.case.closed");
        }
        return found;
    }

    private void bump(EscalationCase found, int expectedVersion) {
        int rows = jdbc.sql("UPDATE escalation_case SET version = version + 1 WHERE id = :id AND version = :v AND status = 'OPEN'")
                .param("id", found.id()).param("v", expectedVersion).update();
        if (rows != 1) {
            throw new EditConflict("case " + found.id());
        }
    }

    private void insertStep(long caseId, int seq, LadderStep step, LocalDate on, LocalDate due, String decisionMaker,
            String notes, String justification, boolean urgent) {
        jdbc.sql("""
                INSERT INTO escalation_case_step (case_id, seq, step_key, kind, name, term_days, step_on, due_on,
                                                  decision_maker, notes, justification, urgent, recorded_by)
                VALUES (:c, :seq, :key, :kind, :name, :term, :on, :due, :dm, :notes, :j, :urgent, :by)""")
                .param("c", caseId).param("seq", seq).param("key", step.key()).param("kind", step.kind().name())
                .param("name", step.named() ? step.name() : null).param("term", step.termDays()).param("on", on)
                .param("due", due).param("dm", decisionMaker.strip()).param("notes", strip(notes))
                .param("j", strip(justification)).param("urgent", urgent).param("by", CurrentUser.actor()).update();
    }

    /** A date is required, not in the future, and not before the given one. */
    private static void date(String field, LocalDate date, LocalDate notBefore, List<Problem> problems) {
        if (date == null) {
            problems.add(Problem.of(field, "supervision.date.required"));
        }
        else if (date.isAfter(today())) {
            problems.add(Problem.of(field, "supervision.date.future"));
        }
        else if (notBefore != null && date.isBefore(notBefore)) {
            problems.add(Problem.of(field, "supervision.date.beforeStep", notBefore.toString()));
        }
    }

    private static void text(String field, String text, boolean required, int max, List<Problem> problems) {
        if (blank(text)) {
            if (required) {
                problems.add(Problem.of(field, "supervision.text.required"));
            }
        }
        else if (text.strip().length() > max) {
            problems.add(Problem.of(field, "supervision.text.tooLong", max));
        }
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String strip(String text) {
        return blank(text) ? null : text.strip();
    }
}
