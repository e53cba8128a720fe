package nl.doorstroom.sites;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the talks about a temporary site stand. A site moves forward one step at a time:
 * IDENTIFIED → CONTACTED → UNDER_NEGOTIATION → AGREED → IN_USE → CLOSED. A site that has not come into
 * use (any status before IN_USE) may be DROPPED, always with a reason; a site in use ends by being
 * CLOSED (a reason may be given). CLOSED and DROPPED are final: the site stays in the register with its
 * history. No step back: a negotiation that stalls stays where it is or is dropped.
 */
public enum SiteStatus {

    IDENTIFIED("in beeld", "geidentificeerd", "identified"),
    CONTACTED("benaderd", "contacted"),
    UNDER_NEGOTIATION("in onderhandeling", "under negotiation"),
    AGREED("afgesproken", "akkoord", "agreed"),
    IN_USE("in gebruik", "in use"),
    CLOSED("gesloten", "closed"),
    DROPPED("afgevallen", "dropped");

    /** The statuses in which a site is still pursued: it can be dropped. */
    public static final Set<SiteStatus> PURSUED = EnumSet.of(IDENTIFIED, CONTACTED, UNDER_NEGOTIATION, AGREED);

    /** The statuses a site may be registered or imported in: any but the final ones. */
    public static final Set<SiteStatus> STARTING = EnumSet.of(IDENTIFIED, CONTACTED, UNDER_NEGOTIATION, AGREED, IN_USE);

    private final List<String> words;

    SiteStatus(String... words) {
        this.words = Arrays.stream(words).map(Words::normalised).toList();
    }

    /** Closed or dropped: no further status. */
    public boolean ended() {
        return this == CLOSED || this == DROPPED;
    }

    /** The statuses this one may move to, in the order of the line. */
    public List<SiteStatus> next() {
        var next = new java.util.ArrayList<SiteStatus>(2);
        if (!ended()) {
            next.add(values()[ordinal() + 1]);
        }
        if (PURSUED.contains(this)) {
            next.add(DROPPED);
        }
        return List.copyOf(next);
    }

    public boolean mayMoveTo(SiteStatus target) {
        return next().contains(target);
    }

    /** Dropping a site needs a reason, so that a list of dropped sites says why each fell through. */
    public static boolean needsReason(SiteStatus target) {
        return target == DROPPED;
    }

    public String messageKey() {
        return "site.status." + name();
    }

    /** The status named by its code ({@code IN_USE}) or by a Dutch or English word for it ("in gebruik"). */
    public static Optional<SiteStatus> parse(String text) {
        var word = Words.normalised(text);
        return Arrays.stream(values()).filter(s -> Words.normalised(s.name()).equals(word) || s.words.contains(word))
                .findFirst();
    }
}
