package nl.doorstroom.system;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import nl.doorstroom.identity.AuditTrail;
import org.springframework.stereotype.Component;

/**
 * Shows moments in Dutch time on pages: {@code ${@dutchTime.format(instant)}}.
 */
@Component("dutchTime")
public class DutchTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm:ss");

    public String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant.atZone(AuditTrail.ZONE));
    }
}
