package nl.doorstroom.system;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The language of an API answer: English when the client asks for it with Accept-Language,
 * Dutch otherwise.
 */
final class ApiLocale {

    static final Locale DUTCH = Locale.forLanguageTag("nl");
    private static final List<Locale> SUPPORTED = List.of(DUTCH, Locale.ENGLISH);

    private ApiLocale() {
    }

    static Locale of(HttpServletRequest request) {
        var header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return DUTCH;
        }
        try {
            var match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return match == null ? DUTCH : match;
        }
        catch (IllegalArgumentException e) {
            return DUTCH;
        }
    }
}
