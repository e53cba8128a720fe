package nl.doorstroom.supervision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;

/**
 * A supervision case of a province against one of its municipalities: opened with a reason, moved up the
 * ladder step by step, closed when the municipality complies or credibly commits to (Gemeentewet art.
 * 124d). At most one case per municipality is open.
 *
 * @param openedByPolicyAfter opened by the province's policy after this many missed half-years; null when opened by hand
 */
public record EscalationCase(long id, MunicipalityCode municipality, String municipalityName, ProvinceCode province,
        String provinceName, LocalDate openedOn, String reason, Integer openedByPolicyAfter, String openedBy,
        Status status, LocalDate closedOn, Closure closure, String closureNote, Commitment commitment,
        List<CaseStep> steps, List<CourseItem> courseOfAction, List<Cost> costs,
        List<MinisterRequest> ministerRequests, List<CaseDocument> documents, boolean synthetic, int version) {

    public enum Status { OPEN, CLOSED }

    /** How a case ended: the municipality complies, it credibly committed (art. 124d), or the province withdrew. */
    public enum Closure {
        COMPLIES, COMMITTED, WITHDRAWN;

        public String messageKey() {
            return "supervision.closure." + name();
        }
    }

    /** Art. 124d: what the municipality committed to, when and by whom; the case closes on it. */
    public record Commitment(String text, Integer places, LocalDate due, LocalDate committedOn, String committedBy) {
    }

    public enum ActionKind {
        EXTRA_PLACES, REGIONAL_ARRANGEMENT, OTHER;

        public String messageKey() {
            return "supervision.action." + name();
        }
    }

    /** One agreed item of the course of action, such as extra places by a date or a regional arrangement. */
    public record CourseItem(long id, ActionKind kind, String description, Integer places, LocalDate dueOn,
            String partners, LocalDate agreedOn, String recordedBy) {
    }

    /** A cost of substitution, charged to the municipality (art. 124(1)). */
    public record Cost(long id, LocalDate incurredOn, String description, BigDecimal amount, String recordedBy) {
    }

    /** The minister's request to the province to act (art. 124a). */
    public record MinisterRequest(long id, LocalDate requestedOn, String reference, String note, String recordedBy,
            Instant recordedAt) {
    }

    /** A generated document; the PDF itself is read on its own. */
    public record CaseDocument(long id, int stepSeq, DocumentKind kind, String title, LocalDate deadline,
            boolean forPublication, LocalDate publishedOn, LocalDate sentToCouncilOn, String createdBy,
            Instant createdAt) {

        /** Published and sent to the council as art. 124(4) asks, or not yet. */
        public boolean awaitingPublication() {
            return forPublication && (publishedOn == null || sentToCouncilOn == null);
        }
    }

    /**
     * The case as it stood at the end of a date: the steps taken by then, open if it was not closed by then;
     * empty when it was not yet opened. Costs, requests and documents are kept as they are.
     */
    public java.util.Optional<EscalationCase> asOf(LocalDate date) {
        if (openedOn.isAfter(date)) {
            return java.util.Optional.empty();
        }
        var taken = steps.stream().filter(s -> !s.stepOn().isAfter(date)).toList();
        if (taken.isEmpty()) {
            taken = List.of(steps.get(0));
        }
        boolean closedBy = closedOn != null && !closedOn.isAfter(date);
        if (closedBy && taken.size() == steps.size()) {
            return java.util.Optional.of(this);
        }
        return java.util.Optional.of(new EscalationCase(id, municipality, municipalityName, province, provinceName, openedOn,
                reason, openedByPolicyAfter, openedBy, closedBy ? Status.CLOSED : Status.OPEN, closedBy ? closedOn : null,
                closedBy ? closure : null, closedBy ? closureNote : null, closedBy ? commitment : null, taken,
                courseOfAction, costs, ministerRequests, documents, synthetic, version));
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public CaseStep current() {
        return steps.get(steps.size() - 1);
    }

    public boolean overdueOn(LocalDate date) {
        return isOpen() && current().overdueOn(date);
    }

    public long daysOverdue(LocalDate date) {
        return isOpen() ? current().daysOverdue(date) : 0;
    }

    /** Days the case has been at its current step on a date (until closing for a closed case). */
    public long daysAtCurrentStep(LocalDate date) {
        var end = isOpen() ? date : closedOn;
        return Math.max(0, ChronoUnit.DAYS.between(current().stepOn(), end));
    }

    public BigDecimal totalCost() {
        return costs.stream().map(Cost::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public boolean ministerAsked() {
        return !ministerRequests.isEmpty();
    }
}
