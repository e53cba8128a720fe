package nl.doorstroom.sites;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;

/** Sites and forms for tests, named for what they are. */
final class SiteFixtures {

    static final MunicipalityCode UTRECHT = MunicipalityCode.of("GM0344");
    static final MunicipalityCode ZEIST = MunicipalityCode.of("GM0355");
    static final ProvinceCode PROVINCE_UTRECHT = ProvinceCode.of("PV26");

    private SiteFixtures() {
    }

    static SiteForm hotelForm(String name, MunicipalityCode municipality) {
        return new SiteForm(SiteKind.HOTEL, name, municipality, name + ", Stationsweg 1", null, null, SiteOwner.PRIVATE, 40,
                LocalDate.of(2026, 1, 1), null, new BigDecimal("85.00"), null, null);
    }

    /** A hotel in Utrecht in the given status, available from {@code from} until {@code until} (null: no end). */
    static TemporarySite site(SiteStatus status, LocalDate from, LocalDate until) {
        return new TemporarySite(1, SiteKind.HOTEL, "Hotel De Poort", UTRECHT, PROVINCE_UTRECHT, "Stationsweg 1", null, null,
                SiteOwner.PRIVATE, 40, from, until, null, status, LocalDate.of(2026, 1, 1), null, null, 0, Instant.EPOCH,
                "test");
    }

    static TemporarySite inStatus(SiteStatus status, LocalDate since) {
        return new TemporarySite(1, SiteKind.HOTEL, "Hotel De Poort", UTRECHT, PROVINCE_UTRECHT, "Stationsweg 1", null, null,
                SiteOwner.PRIVATE, 40, LocalDate.of(2026, 1, 1), null, null, status, since, null, null, 3, Instant.EPOCH,
                "test");
    }
}
