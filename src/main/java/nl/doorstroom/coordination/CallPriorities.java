package nl.doorstroom.coordination;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies the {@link CallPolicy} to municipalities: first those far behind that do not cooperate, not
 * those that try hard and just miss. Only municipalities with a shortfall are listed. Every reason carries
 * its points and the figures behind it, so the order can be read and checked.
 */
final class CallPriorities {

    private CallPriorities() {
    }

    static CallPriority of(CallSituation s, CallPolicy policy) {
        var reasons = new ArrayList<CallPriority.Reason>();
        // Far behind (the first round targeted municipalities below about 30% realisation: LRT minutes).
        if (s.realisationPercent() != null && s.realisationPercent() < policy.behindPercent()) {
            reasons.add(reason("coordination.reason.behind", policy.behindPoints(),
                    Math.round(s.realisationPercent()), policy.behindPercent()));
        }
        if (s.weeksBehind() >= policy.weeksBehind()) {
            reasons.add(reason("coordination.reason.weeksBehind", policy.weeksBehindPoints(),
                    Math.round(s.weeksBehind() * 10) / 10.0, policy.weeksBehind()));
        }
        int shortfallPoints = (int) Math.min(policy.shortfallMaximum(), s.shortfall() * policy.shortfallPer100() / 100);
        if (shortfallPoints > 0) {
            reasons.add(reason("coordination.reason.shortfall", shortfallPoints, s.shortfall()));
        }
        // Does not cooperate: no recent commitment, commitments not kept.
        if (s.weeksSinceCommitment() == null) {
            reasons.add(reason("coordination.reason.neverCommitted", policy.quietPoints()));
        }
        else if (s.weeksSinceCommitment() >= policy.quietWeeks()) {
            reasons.add(reason("coordination.reason.quiet", policy.quietPoints(), s.weeksSinceCommitment(),
                    policy.quietWeeks()));
        }
        // Under supervision: the province found it not cooperating (DOMAIN.md, "Supervision").
        if (s.escalationStep() != null) {
            reasons.add(reason("coordination.reason.escalation." + s.escalationStep().name(), policy.escalationPoints()));
        }
        var lastTwo = s.lastDecided().subList(0, Math.min(2, s.lastDecided().size()));
        long notKept = lastTwo.stream().filter(c -> c == Commitment.Status.NOT_KEPT).count();
        long kept = lastTwo.stream().filter(c -> c == Commitment.Status.KEPT).count();
        if (notKept > 0) {
            reasons.add(reason("coordination.reason.notKept", (int) (notKept * policy.notKeptPoints()), notKept));
        }
        // Tries hard: commitments kept, realisation rising, temporary places offered.
        if (kept > 0) {
            reasons.add(reason("coordination.reason.kept", (int) (-kept * policy.keptPoints()), kept));
        }
        if (s.rising()) {
            reasons.add(reason("coordination.reason.rising", -policy.risingPoints()));
        }
        if (s.sitePlaces() > 0) {
            reasons.add(reason("coordination.reason.sites", -policy.sitesPoints(), s.sitePlaces()));
        }
        if (s.openCommitments() > 0) {
            reasons.add(reason("coordination.reason.openCommitments", -policy.openCommitmentPoints(), s.openCommitments()));
        }
        // The whole picture: a municipality that carries its share (reception, Ukrainians, housing) is not called first.
        if (s.effortIndex() != null && s.effortIndex() >= policy.effortThreshold()) {
            reasons.add(reason("coordination.reason.wholePicture", -policy.effortPoints(), s.effortIndex(),
                    policy.effortThreshold()));
        }
        reasons.removeIf(r -> r.points() == 0);
        return new CallPriority(s.code(), s.name(), s.province(), s.correctedQuota(), s.housed(), s.shortfall(),
                s.realisationPercent(), s.weeksBehind(), List.copyOf(reasons));
    }

    /** The municipalities with a shortfall, most points first; ties by larger shortfall, then by name. */
    static List<CallPriority> rank(List<CallSituation> situations, CallPolicy policy) {
        return situations.stream().filter(s -> s.shortfall() > 0).map(s -> of(s, policy))
                .sorted(Comparator.comparingInt(CallPriority::points).reversed()
                        .thenComparing(Comparator.comparingLong(CallPriority::shortfall).reversed())
                        .thenComparing(CallPriority::name))
                .toList();
    }

    private static CallPriority.Reason reason(String key, int points, Object... arguments) {
        return new CallPriority.Reason(key, List.of(arguments), points);
    }
}
