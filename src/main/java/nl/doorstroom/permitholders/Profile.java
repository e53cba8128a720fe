package nl.doorstroom.permitholders;

import java.util.Locale;
import java.util.Optional;

/**
 * What a municipality needs to know to find the right home and start civic integration: language,
 * education, work experience and physical limitations (DOMAIN.md, Linking: profile data).
 *
 * @param language the main language, such as {@code Arabisch} or an ISO 639 code; may be empty
 */
public record Profile(String language, Education education, WorkExperience workExperience, Limitation limitation) {

    public enum Education {
        NONE, PRIMARY, SECONDARY, VOCATIONAL, HIGHER, UNKNOWN;

        public String messageKey() {
            return "education." + name();
        }
    }

    public enum WorkExperience {
        NONE, SOME, EXTENSIVE, UNKNOWN;

        public String messageKey() {
            return "work." + name();
        }
    }

    /** Physical limitations as far as they bear on the dwelling. */
    public enum Limitation {
        NONE, MOBILITY, WHEELCHAIR, OTHER;

        public String messageKey() {
            return "limitation." + name();
        }
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT)));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
