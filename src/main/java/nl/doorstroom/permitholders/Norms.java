package nl.doorstroom.permitholders;

import java.time.LocalDate;
import java.time.Period;

/**
 * The terms a household's way to a home is measured against.
 */
public final class Norms {

    /** COA links a household within 2 weeks of the permit (DOMAIN.md, Linking and the 14-week norm). */
    public static final int LINK_WITHIN_DAYS = 14;
    /** The municipality offers a home within 10 weeks of the link. */
    public static final int OFFER_WITHIN_DAYS = 70;
    /** The household moves within 2 weeks of the offer. */
    public static final int MOVE_WITHIN_DAYS = 14;
    /** The three together: the 14-week norm from permit to home. */
    public static final int TOTAL_DAYS = LINK_WITHIN_DAYS + OFFER_WITHIN_DAYS + MOVE_WITHIN_DAYS;
    /** A HAR placement lasts at most 6 months (DOMAIN.md, HAR); we warn a month before. */
    public static final Period HAR_MAXIMUM = Period.ofMonths(6);
    public static final Period HAR_WARNING = Period.ofMonths(5);

    private Norms() {
    }

    /** The day a household with this permit date passes the 14-week norm if still in reception. */
    public static LocalDate fourteenWeeksAfter(LocalDate permitDate) {
        return permitDate.plusDays(TOTAL_DAYS);
    }
}
