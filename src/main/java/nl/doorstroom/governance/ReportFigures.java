package nl.doorstroom.governance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The figures of one weekly report, as of its reference date, composed from the modules' facades. Stored
 * as JSON with the PDF; the PDF is rendered from these figures as read back, so what is stored is what the
 * PDF shows. Counts and aggregates only, no personal data.
 *
 * @param asNow the sections whose source keeps only its present state: for a reference date in the past they
 *        show the state when the report was made (see the report's note)
 * @param synthetic whether any synthetic demo data fed the figures
 */
public record ReportFigures(LocalDate referenceDate, String halfYear, LocalDate measuredThrough, Quota quota,
        List<HalfYearBar> halfYears, PermitHolders permitHolders, Reception reception, ExtraPlaces extraPlaces,
        CommitmentCounts commitments, List<Lagging> lagging, EscalationCounts escalations, List<Runway> runways,
        List<ActionItemLine> actionItems, boolean actionItemsAvailable, List<MapValue> map, List<String> asNow,
        boolean synthetic) {

    /** Sections that cannot be read as of a past date (their sources keep the present state only). */
    public static final List<String> AS_NOW_SECTIONS = List.of("permitHolders", "extraPlaces", "commitments",
            "lagging");

    /**
     * The nation in the half-year of the reference date.
     *
     * @param remaining what the municipalities behind still have to house this half-year
     */
    public record Quota(long quota, long carriedIn, long correctedQuota, long housed, long remaining, long advance,
            BigDecimal realisationPercent, long expected, BigDecimal weeksBehind, int municipalities, int green,
            int orange, int red, int met) {
    }

    /** One half-year in the chart of quota progress. */
    public record HalfYearBar(String period, long correctedQuota, long housed, BigDecimal realisationPercent) {
    }

    /**
     * @param inReception permit holders in COA reception in the last complete week (COA's figures)
     * @param pastFourteenWeeksHouseholds households longer than 14 weeks since their permit and not yet housed (register)
     */
    public record PermitHolders(LocalDate week, long inReception, long pastFourteenWeeksHouseholds,
            long pastFourteenWeeksPersons, long overdueHouseholds, long harOverTerm) {
    }

    /** The last complete week's reception figures and the recent weeks of Ter Apel against its norm. */
    public record Reception(LocalDate week, long occupancy, long capacity, long terApel, int terApelNorm,
            long preRegistration, int locationsReporting, List<TerApelWeek> recentWeeks) {
    }

    public record TerApelWeek(LocalDate week, long terApel, int norm, long preRegistration) {
    }

    /**
     * Extra places realised by commitments in the week of the reference date, against the weekly target.
     *
     * @param weeksToClear how many weeks at the recent pace clear what the nation is behind; null at no pace
     */
    public record ExtraPlaces(LocalDate week, long thisWeek, int target, BigDecimal recentPace, long behindPace,
            Long weeksToClear, List<ExtraPlacesWeek> recentWeeks) {
    }

    public record ExtraPlacesWeek(LocalDate week, long places, long housed) {
    }

    /** Commitments made in the half-year up to the reference date and how they ended so far. */
    public record CommitmentCounts(LocalDate from, long made, long promisedPlaces, long kept, long partlyKept,
            long notKept, long open, long realisedPlaces, long madeThisWeek, long keptThisWeek) {
    }

    /** A municipality high on the call list, with the reasons of its place. */
    public record Lagging(int rank, String code, String name, String province, long correctedQuota, long housed,
            long shortfall, BigDecimal realisationPercent, BigDecimal weeksBehind, int points, List<Reason> reasons) {
    }

    /** A reason as a message key of the coordination centre's bundle with its arguments. */
    public record Reason(String messageKey, List<Object> arguments, int points) {
    }

    /** Open escalation cases on the reference date by step, and how many are past their term. */
    public record EscalationCounts(int open, int overdue, int closed, List<StepCount> steps) {
    }

    /** @param kind the kind of step ({@code supervision.step.*}), or OTHER with the province's name for it */
    public record StepCount(String kind, String name, int open, int overdue) {
    }

    /** A forecast scenario's capacity runway from its latest run done by the reference date. */
    public record Runway(String scenario, boolean synthetic, LocalDate startOn, Instant finishedAt, int horizonWeeks,
            Integer medianWeeks, LocalDate medianDate, Integer p90Weeks, LocalDate p90Date) {
    }

    /** An action item of the table open on the reference date, with the organisation that owns it. */
    public record ActionItemLine(String what, String owner, LocalDate dueOn, boolean overdue) {
    }

    /** A municipality's realisation of its corrected quota in percent; null when nothing had to be housed. */
    public record MapValue(String code, String name, BigDecimal percent) {
    }
}
