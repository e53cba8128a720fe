package nl.doorstroom.system;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.Scope;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.NationalMap;
import nl.doorstroom.sites.SiteFilter;
import nl.doorstroom.sites.SiteForm;
import nl.doorstroom.sites.SiteInventory;
import nl.doorstroom.sites.SiteKind;
import nl.doorstroom.sites.SiteOwner;
import nl.doorstroom.sites.SiteStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Synthetic temporary sites for the demo: in every province one of every kind, and a few more in the province
 * of Utrecht (the demo accounts' province), in every status, each having walked the status line step by step
 * over the last weeks (so the history is there too). Names say "(demo)"; contact persons are made up.
 * Loaded once, through the inventory's own rules, in one transaction; seeded, so every demo is the same.
 */
@Component
@Order(50)
@ConditionalOnProperty(name = "doorstroom.demo.enabled", havingValue = "true")
class DemoSites implements ApplicationRunner {

    static final long SEED = 20231103L;
    static final String NOTE = "Synthetisch voorbeeld (demo)";

    private static final nl.doorstroom.shared.MunicipalityCode UTRECHT = nl.doorstroom.shared.MunicipalityCode.of("GM0344");

    private static final Logger log = LoggerFactory.getLogger(DemoSites.class);

    private static final String[] PREFIX = { "Hotel", "Vakantiepark", "Kerkgebouw", "Rijkskantoor", "Rijksterrein", "Kloostergebouw" };
    private static final String[] NAMES = { "De Linde", "Het Anker", "De Morgenster", "Zonneveld", "De Eik", "Waterrijk",
            "De Horst", "Het Baken", "De Kroon", "Heideburg", "De Brug", "Het Veer" };
    private static final String[] STREETS = { "Stationsweg", "Dorpsstraat", "Kerkplein", "Parklaan", "Industrieweg",
            "Kanaalweg", "Molenweg", "Bosrand" };
    private static final String[] CONTACTS = { "A. Voorbeeld (demo)", "B. Proef (demo)", "C. Fictief (demo)", null };

    /** How far along the line the sites are, in turn: most are still being pursued, some in use, a few ended. */
    private static final SiteStatus[] STATUSES = { SiteStatus.IDENTIFIED, SiteStatus.CONTACTED,
            SiteStatus.UNDER_NEGOTIATION, SiteStatus.AGREED, SiteStatus.IN_USE, SiteStatus.CONTACTED,
            SiteStatus.UNDER_NEGOTIATION, SiteStatus.IN_USE, SiteStatus.DROPPED, SiteStatus.AGREED, SiteStatus.CLOSED,
            SiteStatus.IDENTIFIED };

    private final SiteInventory inventory;
    private final MunicipalityRegistry registry;
    private final NationalMap map;
    private final TransactionTemplate transaction;

    DemoSites(SiteInventory inventory, MunicipalityRegistry registry, NationalMap map, TransactionTemplate transaction) {
        this.inventory = inventory;
        this.registry = registry;
        this.map = map;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        int loaded = as(() -> {
            if (!inventory.search(SiteFilter.ALL).isEmpty()) {
                return 0;
            }
            return transaction.execute(status -> load(LocalDate.now(AuditTrail.ZONE)));
        });
        if (loaded > 0) {
            log.info("Demo sites loaded in {} ms: {} temporary sites", (System.nanoTime() - started) / 1_000_000, loaded);
        }
    }

    private int load(LocalDate today) {
        var random = new Random(SEED);
        int n = 0;
        for (var province : registry.provinces()) {
            var municipalities = new ArrayList<>(registry.inProvince(province.code()));
            municipalities.sort(Comparator.comparing(Municipality::name));
            int extra = province.code().value().equals("PV26") ? 6 : 0;
            for (int i = 0; i < SiteKind.values().length + extra; i++) {
                var kind = SiteKind.values()[i % SiteKind.values().length];
                // The demo accounts' own municipality (Utrecht) gets a few, the others one here and there.
                var municipality = extra > 0 && i % 3 == 0 ? registry.find(UTRECHT).orElseThrow()
                        : municipalities.get(random.nextInt(municipalities.size()));
                add(kind, municipality, STATUSES[random.nextInt(STATUSES.length)], n, random, today);
                n++;
            }
        }
        return n;
    }

    private void add(SiteKind kind, Municipality municipality, SiteStatus target, int n, Random random, LocalDate today) {
        var name = PREFIX[kind.ordinal()] + " " + NAMES[n % NAMES.length] + " " + municipality.name() + " (demo)";
        // The house number is the site's own number: no two demo sites share an address.
        var address = STREETS[random.nextInt(STREETS.length)] + " " + (n + 1) + ", " + municipality.name();
        BigDecimal latitude = null, longitude = null;
        if (random.nextBoolean()) {
            var centre = map.centre(municipality.code()).orElseThrow();
            latitude = degrees(centre.latitude() + (random.nextDouble() - 0.5) * 0.02);
            longitude = degrees(centre.longitude() + (random.nextDouble() - 0.5) * 0.03);
        }
        var owner = switch (kind) {
            case HOTEL, RECREATION_PARK -> SiteOwner.PRIVATE;
            case CHURCH_BUILDING -> SiteOwner.CHURCH;
            case STATE_PROPERTY, STATE_LAND -> SiteOwner.STATE_REAL_ESTATE_AGENCY;
            case OTHER -> random.nextBoolean() ? SiteOwner.MUNICIPALITY : SiteOwner.OTHER;
        };
        int capacity = switch (kind) {
            case HOTEL -> 20 + random.nextInt(60);
            case RECREATION_PARK -> 40 + random.nextInt(160);
            case CHURCH_BUILDING -> 8 + random.nextInt(25);
            case STATE_PROPERTY -> 30 + random.nextInt(120);
            case STATE_LAND -> 50 + random.nextInt(200);
            case OTHER -> 10 + random.nextInt(40);
        };
        var cost = switch (kind) {
            case HOTEL -> BigDecimal.valueOf(55 + random.nextInt(50)).setScale(2, RoundingMode.UNNECESSARY);
            case RECREATION_PARK -> new BigDecimal(25 + random.nextInt(30) + ".50");
            default -> null;
        };
        // The line was walked over the last weeks: one step every one to three weeks up to the target.
        var steps = target == SiteStatus.DROPPED ? 1 + random.nextInt(3) : target == SiteStatus.CLOSED ? 5 : target.ordinal();
        var dates = new ArrayList<LocalDate>();
        var day = today.minusDays(random.nextInt(6));
        for (int s = 0; s < steps; s++) {
            dates.add(0, day);
            day = day.minusDays(7 + random.nextInt(14));
        }
        var registered = day;
        var availableFrom = target == SiteStatus.IDENTIFIED && random.nextBoolean() ? null
                : registered.plusDays(random.nextInt(60));
        var availableUntil = availableFrom == null || random.nextInt(3) == 0 ? null : availableFrom.plusMonths(6 + random.nextInt(12));
        if (target == SiteStatus.CLOSED) {
            availableUntil = today.minusDays(1 + random.nextInt(5));
            availableFrom = availableUntil.minusMonths(3);
        }
        var form = new SiteForm(kind, name, municipality.code(), address, latitude, longitude, owner, capacity,
                availableFrom, availableUntil, cost, CONTACTS[n % CONTACTS.length], NOTE);
        long id = inventory.register(form, SiteStatus.IDENTIFIED, registered);
        var status = SiteStatus.IDENTIFIED;
        for (int s = 0; s < steps; s++) {
            var next = target == SiteStatus.DROPPED && s == steps - 1 ? SiteStatus.DROPPED : status.next().get(0);
            inventory.moveStatus(id, s, next, dates.get(s),
                    next == SiteStatus.DROPPED ? "Eigenaar ziet af van verhuur (demo)" : null);
            status = next;
        }
    }

    private static BigDecimal degrees(double value) {
        return BigDecimal.valueOf(value).setScale(5, RoundingMode.HALF_UP);
    }

    private static <T> T as(java.util.function.Supplier<T> work) {
        var loader = new DoorstroomUser(0, DemoQuotaHistory.ACTOR, "Demoscenario", Role.NATIONAL_COORDINATOR, Scope.nation());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(loader, null,
                List.of(new SimpleGrantedAuthority(Role.NATIONAL_COORDINATOR.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }
}
