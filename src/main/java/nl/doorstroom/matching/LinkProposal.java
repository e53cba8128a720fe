package nl.doorstroom.matching;

import java.time.LocalDate;
import java.util.List;

import nl.doorstroom.shared.MunicipalityCode;

/**
 * What a run proposes for one household, and why: the municipality with the score split by criterion,
 * and the best alternative municipality with its score; or, for a household left unlinked, the reason.
 * The planner's decision is kept with it.
 *
 * @param municipality the proposed municipality; null when the household is left unlinked
 * @param parts the score split; null when unlinked
 * @param alternativeHadRoom whether the alternative still had room for the household after the run
 * @param decidedMunicipality the municipality linked by hand when the decision is {@code CHANGED}
 */
public record LinkProposal(long householdId, String reference, int persons, int schoolAgeChildren,
        LocalDate permitDate, int daysWaiting, String criteria, MunicipalityCode municipality, ScoreParts parts,
        MunicipalityCode alternative, Integer alternativeScore, Boolean alternativeHadRoom,
        UnlinkedReason unlinkedReason, Decision decision, MunicipalityCode decidedMunicipality, String decisionReason,
        String failureKey, List<String> failureArguments, String decidedBy) {

    /** Why a household is left without a proposal. */
    public enum UnlinkedReason {
        /** No municipality is allowed (for example: its criterion names a municipality that no longer exists). */
        NO_ALLOWED,
        /** None of the allowed municipalities had room for the household when the run started. */
        NO_CAPACITY,
        /** There was room, but it went to households with a higher score (mostly: waited longer). */
        CAPACITY_TAKEN;

        public String messageKey() {
            return "linking.unlinked." + name();
        }
    }

    public enum Decision {
        OPEN, ACCEPTED, CHANGED, REJECTED, FAILED;

        public String messageKey() {
            return "linking.decision." + name();
        }
    }

    public boolean linked() {
        return municipality != null;
    }

    public int score() {
        return parts == null ? 0 : parts.total();
    }

    /** Whether the planner can still accept, reject or change it. */
    public boolean open() {
        return decision == Decision.OPEN;
    }
}
