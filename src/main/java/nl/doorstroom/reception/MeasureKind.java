package nl.doorstroom.reception;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of emergency measure seen at reception locations, such as the IND waiting room used as a dormitory. */
public enum MeasureKind {

    WAITING_ROOM_DORMITORY, EXTRA_BEDS, TENTS_OR_PAVILIONS, SPORTS_HALL, OTHER;

    public String messageKey() {
        return "reception.measure." + name();
    }

    public static Optional<MeasureKind> parse(String text) {
        var wanted = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(values()).filter(k -> k.name().equals(wanted)).findFirst();
    }
}
