package nl.doorstroom.reception;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import nl.doorstroom.shared.MunicipalityCode;

/** Locations and files of the reception tests, each with a code of its own (the demo's data shares the database). */
final class ReceptionFixtures {

    static final MunicipalityCode UTRECHT = MunicipalityCode.of("GM0344");
    static final MunicipalityCode GRONINGEN = MunicipalityCode.of("GM0014");

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

    private ReceptionFixtures() {
    }

    /** A code no other test and no demo location uses. */
    static String newCode(String prefix) {
        return "TEST-" + prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    static LocationForm regularIn(MunicipalityCode municipality, String code, int regular) {
        return new LocationForm(code, "Azc test " + code, municipality, LocationKind.REGULAR, regular, 0,
                LocalDate.of(2015, 1, 1), LocalDate.of(2015, 12, 31));
    }

    static InputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
