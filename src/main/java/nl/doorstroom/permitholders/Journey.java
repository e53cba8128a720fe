package nl.doorstroom.permitholders;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import nl.doorstroom.shared.InvalidInput;

/**
 * The state of one household on its way to a home, and the transitions allowed from it: linked,
 * link cancelled, home offered, placed under the HAR, moved in. Each transition returns the new state
 * or refuses with the reason; dates may not lie in the future or before the stage they end.
 *
 * @param countedOn the day the household counted toward the quota (HAR placement or move), or null
 */
public record Journey(Stage stage, LocalDate permitDate, LocalDate stageSince, LocalDate linkedOn,
        LocalDate offeredOn, LocalDate harSince, LocalDate movedOn, LocalDate countedOn) {

    public static Journey registered(LocalDate permitDate) {
        return new Journey(Stage.AWAITING_LINK, permitDate, permitDate, null, null, null, null, null);
    }

    public Journey link(LocalDate on, LocalDate today) {
        switch (stage) {
            case LINKED, OFFERED -> throw refusal("journey.link.alreadyLinked");
            case HAR, HOUSED -> throw refusal("journey.link.alreadyHoused");
            default -> {
            }
        }
        check(on, today);
        return new Journey(Stage.LINKED, permitDate, on, on, null, null, null, null);
    }

    /** Back to waiting for a link; an offer made under the cancelled link lapses with it. */
    public Journey cancelLink(LocalDate on, LocalDate today) {
        switch (stage) {
            case AWAITING_LINK -> throw refusal("journey.cancel.noLink");
            case HAR, HOUSED -> throw refusal("journey.cancel.alreadyCounted");
            default -> {
            }
        }
        check(on, today);
        return new Journey(Stage.AWAITING_LINK, permitDate, on, null, null, null, null, null);
    }

    public Journey offer(LocalDate on, LocalDate today) {
        switch (stage) {
            case AWAITING_LINK -> throw refusal("journey.offer.notLinked");
            case OFFERED -> throw refusal("journey.offer.alreadyOffered");
            case HAR, HOUSED -> throw refusal("journey.offer.alreadyHoused");
            default -> {
            }
        }
        check(on, today);
        return new Journey(Stage.OFFERED, permitDate, on, linkedOn, on, null, null, null);
    }

    /** Counts toward the quota of the linked municipality from this day (DOMAIN.md, HAR). */
    public Journey placeUnderHar(LocalDate on, LocalDate today) {
        switch (stage) {
            case AWAITING_LINK -> throw refusal("journey.har.notLinked");
            case HAR -> throw refusal("journey.har.alreadyPlaced");
            case HOUSED -> throw refusal("journey.har.alreadyHoused");
            default -> {
            }
        }
        check(on, today);
        return new Journey(Stage.HAR, permitDate, on, linkedOn, offeredOn, on, null, on);
    }

    /** Moved into a home: from an offer, or from a HAR placement (which already counted). */
    public Journey moveIn(LocalDate on, LocalDate today) {
        switch (stage) {
            case AWAITING_LINK -> throw refusal("journey.move.notLinked");
            case LINKED -> throw refusal("journey.move.noOffer");
            case HOUSED -> throw refusal("journey.move.alreadyMoved");
            default -> {
            }
        }
        check(on, today);
        return new Journey(Stage.HOUSED, permitDate, on, linkedOn, offeredOn, harSince, on,
                countedOn == null ? on : countedOn);
    }

    /** Whether this transition made the household count toward the quota (it did not count before). */
    public boolean countsFrom(Journey before) {
        return before.countedOn == null && countedOn != null;
    }

    /** The day the current stage is overdue by its norm; null once housed. */
    public LocalDate stageDue() {
        return switch (stage) {
            case AWAITING_LINK -> permitDate.plusDays(Norms.LINK_WITHIN_DAYS);
            case LINKED -> linkedOn.plusDays(Norms.OFFER_WITHIN_DAYS);
            case OFFERED -> offeredOn.plusDays(Norms.MOVE_WITHIN_DAYS);
            case HAR -> harSince.plus(Norms.HAR_MAXIMUM);
            case HOUSED -> null;
        };
    }

    public long daysInStage(LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(stageSince, today));
    }

    /** Days past the current stage's norm; 0 when not overdue. */
    public long daysOverdue(LocalDate today) {
        var due = stageDue();
        return due == null || !today.isAfter(due) ? 0 : ChronoUnit.DAYS.between(due, today);
    }

    /** Still in COA reception, longer than the 14-week norm after the permit. */
    public boolean pastFourteenWeeks(LocalDate today) {
        return stage.inReception() && today.isAfter(Norms.fourteenWeeksAfter(permitDate));
    }

    public long daysSincePermit(LocalDate today) {
        return ChronoUnit.DAYS.between(permitDate, today);
    }

    public HarStatus harStatus(LocalDate today) {
        return stage == Stage.HAR ? HarStatus.of(harSince, today) : HarStatus.NONE;
    }

    /** A step is dated on or after the start of the stage it ends, and not in the future. */
    private void check(LocalDate on, LocalDate today) {
        if (on == null) {
            throw InvalidInput.of("occurredOn", "journey.date.missing");
        }
        if (on.isAfter(today)) {
            throw InvalidInput.of("occurredOn", "journey.date.future", on.toString());
        }
        if (on.isBefore(stageSince)) {
            var key = switch (stage) {
                case AWAITING_LINK -> stageSince.equals(permitDate) ? "journey.date.beforePermit" : "journey.date.beforeCancel";
                case LINKED -> "journey.date.beforeLink";
                case OFFERED -> "journey.date.beforeOffer";
                case HAR -> "journey.date.beforeHar";
                case HOUSED -> "journey.date.beforeMove";
            };
            throw InvalidInput.of("occurredOn", key, on.toString(), stageSince.toString());
        }
    }

    private InvalidInput refusal(String key) {
        return InvalidInput.of("stage", key);
    }
}
