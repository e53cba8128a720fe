package nl.doorstroom.system;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
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
import nl.doorstroom.reception.LocationForm;
import nl.doorstroom.reception.LocationKind;
import nl.doorstroom.reception.MeasureForm;
import nl.doorstroom.reception.MeasureKind;
import nl.doorstroom.reception.ReceptionLocations;
import nl.doorstroom.shared.MunicipalityCode;
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
 * Synthetic COA reception for the demo: about 120 locations over the provinces (one central registration centre
 * "Ter Apel (demo)" in Westerwolde, five pre-registration places, regular centres and emergency locations opening
 * over time), with two years of weekly occupancy up to this week shaped like 2022–2024: national occupancy rising
 * from about 38,000 to about 65,000, permit holders in reception up to about 16,000, Ter Apel above the norm of
 * 2,000 twice, and about 1,500 waiting in pre-registration places at the second peak. Names say "(demo)" and the
 * locations are stored as synthetic. Loaded once, into an empty register, through the facade's own rules (the
 * figures as one import); seeded, so every demo is the same.
 */
@Component
@Order(80)
@ConditionalOnProperty(name = "doorstroom.demo.enabled", havingValue = "true")
class DemoReception implements ApplicationRunner {

    static final long SEED = 20231103L;
    static final int WEEKS = 104;
    static final int REGULAR = 90;
    static final int EMERGENCY = 24;

    private static final Logger log = LoggerFactory.getLogger(DemoReception.class);

    private static final MunicipalityCode WESTERWOLDE = MunicipalityCode.of("GM1950");
    /** Het Hogeland, Emmen, Assen, Zwolle, Almere: in the north and east, as the real holding places were. */
    private static final List<MunicipalityCode> HOLDING_PLACES = List.of(MunicipalityCode.of("GM1966"),
            MunicipalityCode.of("GM0114"), MunicipalityCode.of("GM0106"), MunicipalityCode.of("GM0193"),
            MunicipalityCode.of("GM0034"));

    /** A synthetic location with the week it opens (0: before the two years). */
    private record Planned(String code, LocationKind kind, int capacity, int opensInWeek, long id) {
    }

    private final ReceptionLocations reception;
    private final MunicipalityRegistry registry;
    private final TransactionTemplate transaction;

    DemoReception(ReceptionLocations reception, MunicipalityRegistry registry, TransactionTemplate transaction) {
        this.reception = reception;
        this.registry = registry;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        var counts = as(() -> {
            if (reception.anyLocation()) {
                return null;
            }
            return transaction.execute(status -> load(LocalDate.now(AuditTrail.ZONE)));
        });
        if (counts != null) {
            log.info("Demo reception loaded in {} ms: {} synthetic locations, {} weekly figures, {} emergency measures",
                    (System.nanoTime() - started) / 1_000_000, counts[0], counts[1], counts[2]);
        }
    }

    private int[] load(LocalDate today) {
        var random = new Random(SEED);
        var lastWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        var firstWeek = lastWeek.minusWeeks(WEEKS - 1);
        var planned = new ArrayList<Planned>();
        var terApel = register(random, "DEMO-TERAPEL", "Aanmeldcentrum Ter Apel (demo)", WESTERWOLDE,
                LocationKind.CENTRAL_REGISTRATION, 2000, 500, null);
        planned.add(new Planned("DEMO-TERAPEL", LocationKind.CENTRAL_REGISTRATION, 2500, 0, terApel));
        for (int i = 0; i < HOLDING_PLACES.size(); i++) {
            var municipality = registry.find(HOLDING_PLACES.get(i)).map(Municipality::code).orElse(WESTERWOLDE);
            // The holding places opened when registration could no longer keep up, about two thirds into the period.
            int opens = 62 + 2 * i;
            var code = "DEMO-VP-%02d".formatted(i + 1);
            int capacity = 250 + 50 * random.nextInt(4);
            planned.add(new Planned(code, LocationKind.PRE_REGISTRATION, capacity, opens, register(random, code,
                    "Voorportaal " + name(municipality) + " (demo)", municipality, LocationKind.PRE_REGISTRATION, capacity, 0,
                    firstWeek.plusWeeks(opens))));
        }
        var provinces = registry.provinces();
        for (int i = 0; i < REGULAR + EMERGENCY; i++) {
            boolean emergency = i >= REGULAR;
            var inProvince = new ArrayList<>(registry.inProvince(provinces.get(i % provinces.size()).code()));
            inProvince.sort(Comparator.comparing(Municipality::name));
            var municipality = inProvince.get(random.nextInt(inProvince.size())).code();
            var kind = emergency ? LocationKind.EMERGENCY : LocationKind.REGULAR;
            int capacity = emergency ? 150 + 25 * random.nextInt(19) : 300 + 25 * random.nextInt(29);
            int opens = emergency ? 10 + random.nextInt(80) : 0;
            var code = emergency ? "DEMO-NOOD-%03d".formatted(i - REGULAR + 1) : "DEMO-AZC-%03d".formatted(i + 1);
            var name = (emergency ? "Noodopvang " : "Azc ") + name(municipality) + " " + (i + 1) + " (demo)";
            var openedOn = emergency ? firstWeek.plusWeeks(opens) : LocalDate.of(2010 + random.nextInt(10), 1 + random.nextInt(12), 1);
            planned.add(new Planned(code, kind, capacity, opens, register(random, code, name, municipality, kind,
                    capacity, emergency ? 0 : (random.nextInt(4) == 0 ? 50 : 0), openedOn)));
        }
        var csv = new StringBuilder("location;date;in_procedure;permit_holders;other\n");
        int rows = 0;
        for (int w = 0; w < WEEKS; w++) {
            double t = w / (double) (WEEKS - 1);
            var day = firstWeek.plusWeeks(w);
            int national = (int) Math.round(interpolate(t, new double[][] { { 0, 38_000 }, { 0.5, 50_000 }, { 0.9, 64_000 },
                    { 1, 65_500 } }));
            double permitShare = interpolate(t, new double[][] { { 0, 10_000 }, { 0.5, 14_500 }, { 0.85, 16_200 },
                    { 1, 15_500 } }) / national;
            int central = (int) Math.round(1750 + 850 * bump(t, 0.30, 0.05) + 550 * bump(t, 0.85, 0.05)
                    + random.nextGaussian() * 40);
            int waiting = t < 0.6 ? 0 : (int) Math.round(1500 * bump(t, 0.86, 0.08));
            int rest = national - central - waiting;
            double weights = 0;
            for (var p : planned) {
                if ((p.kind() == LocationKind.REGULAR || p.kind() == LocationKind.EMERGENCY) && p.opensInWeek() <= w) {
                    weights += p.capacity();
                }
            }
            for (var p : planned) {
                if (p.opensInWeek() > w) {
                    continue;
                }
                int total;
                int permitHolders;
                int other;
                switch (p.kind()) {
                    case CENTRAL_REGISTRATION -> {
                        total = central;
                        permitHolders = (int) Math.round(total * 0.03);
                        other = (int) Math.round(total * 0.05);
                    }
                    case PRE_REGISTRATION -> {
                        // Not yet registered, so not yet in procedure.
                        total = (int) Math.round(waiting * p.capacity() / 1500.0 * (0.9 + random.nextDouble() * 0.2));
                        permitHolders = 0;
                        other = total;
                    }
                    default -> {
                        total = (int) Math.round(rest * p.capacity() / weights * (0.95 + random.nextDouble() * 0.1));
                        permitHolders = (int) Math.round(total * permitShare * (0.9 + random.nextDouble() * 0.2));
                        other = (int) Math.round(total * 0.04);
                    }
                }
                int inProcedure = Math.max(0, total - permitHolders - other);
                csv.append(p.code()).append(';').append(day).append(';').append(inProcedure).append(';')
                        .append(permitHolders).append(';').append(other).append('\n');
                rows++;
            }
        }
        reception.importFile(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
        int measures = 0;
        measures += measure(terApel, MeasureKind.WAITING_ROOM_DORMITORY, "IND-wachtruimte gebruikt als slaapzaal (demo)",
                firstWeek, 25, 40, 300);
        measures += measure(terApel, MeasureKind.TENTS_OR_PAVILIONS, "Paviljoententen op het terrein (demo)", firstWeek, 28,
                36, 400);
        measures += measure(terApel, MeasureKind.WAITING_ROOM_DORMITORY, "IND-wachtruimte opnieuw als slaapzaal (demo)",
                firstWeek, 82, -1, 250);
        var emergencies = planned.stream().filter(p -> p.kind() == LocationKind.EMERGENCY).toList();
        for (int i = 0; i < 3; i++) {
            var p = emergencies.get(random.nextInt(emergencies.size()));
            measures += measure(p.id(), MeasureKind.SPORTS_HALL, "Sporthal als slaapruimte (demo)", firstWeek,
                    Math.max(p.opensInWeek(), 60 + 10 * i), i == 0 ? -1 : 95, 80 + 20 * i);
        }
        var regular = planned.stream().filter(p -> p.kind() == LocationKind.REGULAR).toList();
        measures += measure(regular.get(random.nextInt(regular.size())).id(), MeasureKind.EXTRA_BEDS,
                "Extra bedden per kamer (demo)", firstWeek, 70, -1, 60);
        return new int[] { planned.size(), rows, measures };
    }

    private long register(Random random, String code, String name, MunicipalityCode municipality, LocationKind kind,
            int regular, int emergency, LocalDate openedOn) {
        return reception.registerSynthetic(new LocationForm(code, name, municipality, kind, regular, emergency, openedOn, null));
    }

    /** @param untilWeek -1 while it lasts */
    private int measure(long location, MeasureKind kind, String description, LocalDate firstWeek, int fromWeek,
            int untilWeek, int places) {
        reception.recordMeasure(location, new MeasureForm(kind, description, firstWeek.plusWeeks(fromWeek),
                untilWeek < 0 ? null : firstWeek.plusWeeks(untilWeek).plusDays(6), places));
        return 1;
    }

    private String name(MunicipalityCode code) {
        return registry.find(code).map(Municipality::name).orElse(code.value());
    }

    /** A bell around {@code centre} of width {@code width}: 1 at the centre. */
    private static double bump(double t, double centre, double width) {
        double x = (t - centre) / width;
        return Math.exp(-x * x);
    }

    /** Piecewise linear through the points (t, value), t ascending from 0 to 1. */
    static double interpolate(double t, double[][] points) {
        for (int i = 1; i < points.length; i++) {
            if (t <= points[i][0]) {
                double f = (t - points[i - 1][0]) / (points[i][0] - points[i - 1][0]);
                return points[i - 1][1] + f * (points[i][1] - points[i - 1][1]);
            }
        }
        return points[points.length - 1][1];
    }

    private static <T> T as(java.util.function.Supplier<T> work) {
        var loader = new DoorstroomUser(0, DemoQuotaHistory.ACTOR, "Demoscenario", Role.COA_PLANNER, Scope.nation());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(loader, null,
                List.of(new SimpleGrantedAuthority(Role.COA_PLANNER.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }
}
