package nl.doorstroom.housingmarket;

/**
 * Size band of a social-rental home, named by the households it suits. A household may live in a
 * home of its own band or a larger one, never a smaller one: a family of six needs a large home.
 */
public enum SizeBand {

    /** One or two persons. */
    SMALL(1, 2),
    /** Three or four persons. */
    MEDIUM(3, 4),
    /** Five or six persons. */
    LARGE(5, 6),
    /** Seven persons or more. */
    EXTRA_LARGE(7, Integer.MAX_VALUE);

    private final int fewestPersons;
    private final int mostPersons;

    SizeBand(int fewestPersons, int mostPersons) {
        this.fewestPersons = fewestPersons;
        this.mostPersons = mostPersons;
    }

    /** The band a household of this many persons needs at least. */
    public static SizeBand forHousehold(int persons) {
        if (persons < 1) {
            throw new IllegalArgumentException("A household has at least one person: " + persons);
        }
        for (var band : values()) {
            if (persons <= band.mostPersons) {
                return band;
            }
        }
        throw new IllegalStateException();
    }

    /** Whether a household of this many persons may live in a home of this band. */
    public boolean suits(int persons) {
        return ordinal() >= forHousehold(persons).ordinal();
    }

    public int fewestPersons() {
        return fewestPersons;
    }

    public String messageKey() {
        return "housingmarket.band." + name();
    }
}
