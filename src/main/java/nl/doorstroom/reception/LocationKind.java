package nl.doorstroom.reception;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a reception location is for (DOMAIN.md, "The situation"). */
public enum LocationKind {

    /** Where asylum seekers register first, such as Ter Apel; held to the norm ({@link ReceptionNorm}). */
    CENTRAL_REGISTRATION,
    /** A regular asylum seekers' centre (azc). */
    REGULAR,
    /** An emergency location opened for a while when the regular places run out. */
    EMERGENCY,
    /** A holding place ("voorportaal") where people wait for identification and registration. */
    PRE_REGISTRATION;

    public String messageKey() {
        return "reception.kind." + name();
    }

    /** A kind by its name, in any case. */
    public static Optional<LocationKind> parse(String text) {
        var wanted = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(values()).filter(k -> k.name().equals(wanted)).findFirst();
    }
}
