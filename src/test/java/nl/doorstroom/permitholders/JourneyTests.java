package nl.doorstroom.permitholders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiFunction;

import nl.doorstroom.shared.InvalidInput;
import org.junit.jupiter.api.Test;

/** Every step from every stage: which are allowed, which are refused and why. */
class JourneyTests {

    static final LocalDate PERMIT = LocalDate.of(2026, 3, 2);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    enum Step {
        LINK, CANCEL, OFFER, HAR, MOVE
    }

    static Journey in(Stage stage) {
        var journey = Journey.registered(PERMIT);
        return switch (stage) {
            case AWAITING_LINK -> journey;
            case LINKED -> journey.link(PERMIT.plusDays(10), TODAY);
            case OFFERED -> journey.link(PERMIT.plusDays(10), TODAY).offer(PERMIT.plusDays(50), TODAY);
            case HAR -> journey.link(PERMIT.plusDays(10), TODAY).placeUnderHar(PERMIT.plusDays(60), TODAY);
            case HOUSED -> journey.link(PERMIT.plusDays(10), TODAY).offer(PERMIT.plusDays(50), TODAY)
                    .moveIn(PERMIT.plusDays(60), TODAY);
        };
    }

    static final Map<Step, BiFunction<Journey, LocalDate, Journey>> STEPS = Map.of(
            Step.LINK, (j, d) -> j.link(d, TODAY), Step.CANCEL, (j, d) -> j.cancelLink(d, TODAY),
            Step.OFFER, (j, d) -> j.offer(d, TODAY), Step.HAR, (j, d) -> j.placeUnderHar(d, TODAY),
            Step.MOVE, (j, d) -> j.moveIn(d, TODAY));

    /** The allowed steps and where they lead; everything else is refused with the named message. */
    static final Map<Stage, Map<Step, Object>> TABLE = new EnumMap<>(Map.of(
            Stage.AWAITING_LINK, Map.of(Step.LINK, Stage.LINKED, Step.CANCEL, "journey.cancel.noLink",
                    Step.OFFER, "journey.offer.notLinked", Step.HAR, "journey.har.notLinked",
                    Step.MOVE, "journey.move.notLinked"),
            Stage.LINKED, Map.of(Step.LINK, "journey.link.alreadyLinked", Step.CANCEL, Stage.AWAITING_LINK,
                    Step.OFFER, Stage.OFFERED, Step.HAR, Stage.HAR, Step.MOVE, "journey.move.noOffer"),
            Stage.OFFERED, Map.of(Step.LINK, "journey.link.alreadyLinked", Step.CANCEL, Stage.AWAITING_LINK,
                    Step.OFFER, "journey.offer.alreadyOffered", Step.HAR, Stage.HAR, Step.MOVE, Stage.HOUSED),
            Stage.HAR, Map.of(Step.LINK, "journey.link.alreadyHoused", Step.CANCEL, "journey.cancel.alreadyCounted",
                    Step.OFFER, "journey.offer.alreadyHoused", Step.HAR, "journey.har.alreadyPlaced",
                    Step.MOVE, Stage.HOUSED),
            Stage.HOUSED, Map.of(Step.LINK, "journey.link.alreadyHoused", Step.CANCEL, "journey.cancel.alreadyCounted",
                    Step.OFFER, "journey.offer.alreadyHoused", Step.HAR, "journey.har.alreadyHoused",
                    Step.MOVE, "journey.move.alreadyMoved")));

    @Test
    void everyStepFromEveryStageIsAllowedOrRefusedAsTheTableSays() {
        var day = TODAY.minusDays(1);
        for (var stage : Stage.values()) {
            for (var step : Step.values()) {
                var expected = TABLE.get(stage).get(step);
                var from = in(stage);

                if (expected instanceof Stage next) {
                    assertThat(STEPS.get(step).apply(from, day).stage()).as(stage + " " + step).isEqualTo(next);
                }
                else {
                    var refusal = catchThrowableOfType(InvalidInput.class, () -> STEPS.get(step).apply(from, day));
                    assertThat(refusal).as(stage + " " + step).isNotNull();
                    assertThat(refusal.problems().get(0).messageKey()).as(stage + " " + step).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void noStepMayBeDatedInTheFutureOrBeforeTheStepItFollows() {
        var linked = in(Stage.LINKED);

        var future = catchThrowableOfType(InvalidInput.class, () -> linked.offer(TODAY.plusDays(1), TODAY));
        var beforeLink = catchThrowableOfType(InvalidInput.class, () -> linked.offer(PERMIT.plusDays(9), TODAY));
        var beforePermit = catchThrowableOfType(InvalidInput.class,
                () -> Journey.registered(PERMIT).link(PERMIT.minusDays(1), TODAY));

        assertThat(future.problems().get(0).messageKey()).isEqualTo("journey.date.future");
        assertThat(beforeLink.problems().get(0).messageKey()).isEqualTo("journey.date.beforeLink");
        assertThat(beforePermit.problems().get(0).messageKey()).isEqualTo("journey.date.beforePermit");
    }

    @Test
    void aHouseholdCountsOnceWhenPlacedUnderTheHarAndNotAgainWhenItMovesOn() {
        var linked = in(Stage.LINKED);

        var placed = linked.placeUnderHar(PERMIT.plusDays(60), TODAY);
        var moved = placed.moveIn(PERMIT.plusDays(150), TODAY);

        assertThat(placed.countsFrom(linked)).isTrue();
        assertThat(placed.countedOn()).isEqualTo(PERMIT.plusDays(60));
        assertThat(moved.countsFrom(placed)).isFalse();
        assertThat(moved.countedOn()).isEqualTo(PERMIT.plusDays(60));
    }

    @Test
    void cancellingALinkDropsTheOfferAndTheHouseholdWaitsForANewLink() {
        var cancelled = in(Stage.OFFERED).cancelLink(PERMIT.plusDays(55), TODAY);

        assertThat(cancelled.stage()).isEqualTo(Stage.AWAITING_LINK);
        assertThat(cancelled.linkedOn()).isNull();
        assertThat(cancelled.offeredOn()).isNull();
        assertThat(cancelled.stageSince()).isEqualTo(PERMIT.plusDays(55));
    }

    @Test
    void theClockGivesEachStageItsOwnTermOfTheFourteenWeeks() {
        var waiting = Journey.registered(PERMIT);
        var linked = waiting.link(PERMIT.plusDays(10), TODAY);
        var offered = linked.offer(PERMIT.plusDays(20), TODAY);

        assertThat(waiting.stageDue()).isEqualTo(PERMIT.plusDays(14));
        assertThat(linked.stageDue()).isEqualTo(PERMIT.plusDays(10 + 70));
        assertThat(offered.stageDue()).isEqualTo(PERMIT.plusDays(20 + 14));
        assertThat(waiting.daysOverdue(PERMIT.plusDays(14))).isZero();
        assertThat(waiting.daysOverdue(PERMIT.plusDays(20))).isEqualTo(6);
        assertThat(offered.pastFourteenWeeks(PERMIT.plusDays(98))).isFalse();
        assertThat(offered.pastFourteenWeeks(PERMIT.plusDays(99))).isTrue();
        assertThat(in(Stage.HOUSED).pastFourteenWeeks(TODAY)).as("housed is out of reception").isFalse();
        assertThat(in(Stage.HOUSED).stageDue()).isNull();
    }

    @Test
    void aHarPlacementWarnsAtFiveMonthsAndIsFlaggedAfterSix() {
        var since = LocalDate.of(2026, 1, 15);

        assertThat(HarStatus.of(since, LocalDate.of(2026, 6, 14))).isEqualTo(HarStatus.WITHIN_TERM);
        assertThat(HarStatus.of(since, LocalDate.of(2026, 6, 15))).isEqualTo(HarStatus.ENDING_SOON);
        assertThat(HarStatus.of(since, LocalDate.of(2026, 7, 15))).isEqualTo(HarStatus.ENDING_SOON);
        assertThat(HarStatus.of(since, LocalDate.of(2026, 7, 16))).isEqualTo(HarStatus.OVER_TERM);
    }

    @Test
    void overdueBandsCoverEveryDayPastTheNormWithoutGaps() {
        for (int days = 1; days < 400; days++) {
            var band = OverdueBand.of(days);

            assertThat(days).isBetween(band.fromDays(), band.toDays());
        }
    }
}
