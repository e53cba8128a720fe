package nl.doorstroom.supervision;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.ProvinceCode;

/**
 * A province's escalation ladder: its steps in order, each with its own term, and optionally the policy
 * to open a case after a number of missed half-years in a row. The law sets no terms between the steps
 * (Gemeentewet art. 124 ff.), so each province sets its own; closing a case is not a step but the end of
 * the ladder.
 *
 * @param openAfterMissed open a case by itself after this many missed half-years in a row; null for never
 * @param version -1 while the province uses the default ladder
 */
public record EscalationLadder(ProvinceCode province, List<LadderStep> steps, Integer openAfterMissed,
        boolean isDefault, int version) {

    public static final int MAX_STEPS = 15;
    public static final int MAX_NAME = 120;

    /** Signal, official talks, administrative talks, warning, substitution decision, substitution carried out. */
    public static EscalationLadder defaultFor(ProvinceCode province) {
        var steps = new ArrayList<LadderStep>();
        for (var kind : StepKind.values()) {
            if (kind != StepKind.OTHER) {
                steps.add(LadderStep.standard(kind));
            }
        }
        return new EscalationLadder(province, List.copyOf(steps), null, true, -1);
    }

    public LadderStep first() {
        return steps.get(0);
    }

    public Optional<LadderStep> step(String key) {
        return steps.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The position of a step, or -1 when the ladder (changed since) no longer has it. */
    public int indexOf(String key) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The step after the one given; empty at the top of the ladder or when the ladder no longer has it. */
    public Optional<LadderStep> after(String key) {
        int at = indexOf(key);
        return at < 0 || at + 1 >= steps.size() ? Optional.empty() : Optional.of(steps.get(at + 1));
    }

    /**
     * Whether going from one step to another is a jump: anything but the next step up. A jump (up
     * more than one step, back down, or from a step the ladder no longer has) needs a recorded
     * justification.
     */
    public boolean isJump(String from, String to) {
        return after(from).map(next -> !next.key().equals(to)).orElse(true);
    }

    /**
     * What is wrong with a ladder as a province would set it: at least one step; names and terms in range;
     * each kind with a legal meaning at most once and in the order of the law's practice; substitution
     * carried out only after a substitution decision (art. 124(2): the decision comes first).
     */
    static List<Problem> problemsOf(List<LadderStep> steps, Integer openAfterMissed) {
        var problems = new ArrayList<Problem>();
        if (steps.isEmpty()) {
            problems.add(Problem.of("steps", "supervision.ladder.empty"));
        }
        if (steps.size() > MAX_STEPS) {
            problems.add(Problem.of("steps", "supervision.ladder.tooMany", MAX_STEPS));
        }
        var seen = new HashSet<StepKind>();
        StepKind last = null;
        for (int i = 0; i < steps.size(); i++) {
            var step = steps.get(i);
            int row = i + 1;
            if (step.kind() == StepKind.OTHER && !step.named()) {
                problems.add(Problem.atRow(row, "name", "supervision.ladder.nameRequired"));
            }
            if (step.named() && step.name().strip().length() > MAX_NAME) {
                problems.add(Problem.atRow(row, "name", "supervision.ladder.nameTooLong", MAX_NAME));
            }
            if (step.termDays() != null && (step.termDays() < 1 || step.termDays() > 3650)) {
                problems.add(Problem.atRow(row, "term", "supervision.ladder.termRange"));
            }
            if (step.kind() != StepKind.OTHER) {
                if (!seen.add(step.kind())) {
                    problems.add(Problem.atRow(row, "kind", "supervision.ladder.kindTwice"));
                }
                else if (last != null && step.kind().ordinal() < last.ordinal()) {
                    problems.add(Problem.atRow(row, "kind", "supervision.ladder.kindOrder"));
                }
                last = step.kind();
            }
        }
        if (seen.contains(StepKind.SUBSTITUTION_CARRIED_OUT) && !seen.contains(StepKind.SUBSTITUTION_DECISION)) {
            problems.add(Problem.of("steps", "supervision.ladder.decisionFirst"));
        }
        if (openAfterMissed != null && (openAfterMissed < 1 || openAfterMissed > 20)) {
            problems.add(Problem.of("openAfterMissed", "supervision.ladder.openAfterRange"));
        }
        return problems;
    }
}
