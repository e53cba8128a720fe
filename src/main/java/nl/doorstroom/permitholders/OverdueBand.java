package nl.doorstroom.permitholders;

/** How far past its stage's norm a household is, in the bands the lists count by. */
public enum OverdueBand {

    UP_TO_2_WEEKS(1, 14), TWO_TO_4_WEEKS(15, 28), FOUR_TO_8_WEEKS(29, 56), EIGHT_TO_13_WEEKS(57, 91),
    OVER_13_WEEKS(92, Integer.MAX_VALUE);

    private final int fromDays;
    private final int toDays;

    OverdueBand(int fromDays, int toDays) {
        this.fromDays = fromDays;
        this.toDays = toDays;
    }

    public int fromDays() {
        return fromDays;
    }

    /** Inclusive; {@link Integer#MAX_VALUE} for the last band. */
    public int toDays() {
        return toDays;
    }

    public static OverdueBand of(long daysOverdue) {
        for (var band : values()) {
            if (daysOverdue >= band.fromDays && daysOverdue <= band.toDays) {
                return band;
            }
        }
        throw new IllegalArgumentException("Not overdue: " + daysOverdue);
    }

    public String messageKey() {
        return "overdue.band." + name();
    }
}
