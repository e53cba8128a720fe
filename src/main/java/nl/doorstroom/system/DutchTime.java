package nl.doorstroom.system;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Shows moments in Dutch time on pages: {@code ${@dutchTime.format(instant)}}.
 */
@Component("dutchTime")
public class DutchTime {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm:ss");

    public String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant.atZone(AMSTERDAM));
    }
}
