package nl.doorstroom.governance;

import java.util.Locale;

import nl.doorstroom.shared.MunicipalityCode;

/**
 * A figure an action item is about, by the id its own module gives it: a municipality (its CBS code), an
 * escalation case, a forecast scenario or an allocation scenario. Written as {@code KIND:id}, such as
 * {@code MUNICIPALITY:GM0344} or {@code ALLOCATION_SCENARIO:12}.
 */
public record ActionItemLink(Kind kind, String target) {

    /** What a link points at, with the page that shows it. */
    public enum Kind {
        MUNICIPALITY("/progress/municipalities/"),
        ESCALATION_CASE("/supervision/cases/"),
        FORECAST_SCENARIO("/forecasts/scenarios/"),
        // The housing-market module's simulation page; its facade is built in parallel (issue 9).
        ALLOCATION_SCENARIO("/housing-market/scenarios/");

        private final String pagePrefix;

        Kind(String pagePrefix) {
            this.pagePrefix = pagePrefix;
        }

        public String messageKey() {
            return "governance.action.link." + name();
        }
    }

    public ActionItemLink {
        if (kind == null || target == null || target.isBlank()) {
            throw new IllegalArgumentException("A link needs a kind and an id");
        }
        target = target.strip();
        if (kind == Kind.MUNICIPALITY) {
            target = MunicipalityCode.parse(target).value();
        }
        else if (!target.matches("[1-9][0-9]{0,17}")) {
            throw new IllegalArgumentException("Not an id: " + target);
        }
    }

    /** Reads {@code KIND:id}; the kind in any case. */
    public static ActionItemLink parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("No link");
        }
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("Not KIND:id: " + text);
        }
        var kind = Kind.valueOf(text.substring(0, colon).strip().toUpperCase(Locale.ROOT));
        return new ActionItemLink(kind, text.substring(colon + 1));
    }

    /** The id as a number, for the kinds that have one. */
    public long id() {
        return Long.parseLong(target);
    }

    /** The page that shows the figure. */
    public String path() {
        return kind.pagePrefix + target;
    }

    /** The link written as {@code KIND:id}. */
    public String text() {
        return kind.name() + ":" + target;
    }

    /** What a reader sees: the municipality code as such, other ids as {@code #12}. */
    public String shortLabel() {
        return kind == Kind.MUNICIPALITY ? target : "#" + target;
    }
}
