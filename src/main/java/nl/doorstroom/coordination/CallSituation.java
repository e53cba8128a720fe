package nl.doorstroom.coordination;

import java.util.List;

import nl.doorstroom.shared.MunicipalityCode;

/**
 * What the call list knows of a municipality: its progress in the running half-year and how it has
 * cooperated with the coordination centre.
 *
 * @param realisationPercent housed as a share of the corrected quota; null when nothing had to be housed
 * @param lastDecided the outcomes of its decided commitments, latest first
 * @param weeksSinceCommitment weeks since its latest commitment; null when it never made one
 * @param rising housed more in the last reported month than in the month before
 * @param sitePlaces places at temporary sites agreed or in use in the municipality
 * @param openCommitments commitments made and not yet due or decided
 * @param escalationStep the current step of the province's open supervision case; null without one
 * @param effortIndex its combined effort in the whole picture; null without figures
 */
record CallSituation(MunicipalityCode code, String name, String province, long correctedQuota, long housed,
        long shortfall, Double realisationPercent, double weeksBehind, List<Commitment.Status> lastDecided,
        Integer weeksSinceCommitment, boolean rising, long sitePlaces, int openCommitments,
        nl.doorstroom.supervision.StepKind escalationStep, Integer effortIndex) {
}
