package nl.doorstroom.system;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import nl.doorstroom.housingmarket.HousingStocks;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.Scope;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.Populations;
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
 * Synthetic social-rental market for the demo: four corporations named "(synthetisch)" that together report every
 * municipality for this year and last year. Woonstichting Voorbeeld, the demo corporation account's organisation,
 * serves Utrecht (with Stadswonen Randstad), IJsselstein, Zeist and Nieuwegein; the other three divide the
 * provinces. The figures follow the population and its density: about one social-rental home per 6 inhabitants in
 * the cities and one per 14 in the countryside, 6 to 8 percent of the stock vacant a year, size bands about
 * 40/35/20/5 percent, 8 to 15 percent of vacancies allocated to permit holders, one active seeker per 10 to 20
 * inhabitants and a median registration time of 30 to 120 months, longer where it is busier. Loaded once, into an
 * empty register, as imports through the facade; seeded, so every demo is the same.
 */
@Component
@Order(95)
@ConditionalOnProperty(name = "doorstroom.demo.enabled", havingValue = "true")
class DemoHousingMarket implements ApplicationRunner {

    static final long SEED = 20260901L;
    static final String EXAMPLE = "Woonstichting Voorbeeld (synthetisch)";
    static final String RANDSTAD = "Stadswonen Randstad (synthetisch)";
    static final String NORTH_EAST = "Woongroep Noord-Oost (synthetisch)";
    static final String SOUTH = "Woonzorg Zuid (synthetisch)";

    /** Utrecht, IJsselstein, Zeist and Nieuwegein: the demo corporation account's scope. */
    static final Set<MunicipalityCode> EXAMPLE_AREA = Set.of(MunicipalityCode.of("GM0344"), MunicipalityCode.of("GM0355"),
            MunicipalityCode.of("GM0353"), MunicipalityCode.of("GM0356"));
    /** Utrecht's stock is shared: the example corporation holds this part, Stadswonen Randstad the rest. */
    static final double EXAMPLE_PART_OF_UTRECHT = 0.6;
    private static final MunicipalityCode UTRECHT = MunicipalityCode.of("GM0344");

    private static final Set<String> RANDSTAD_PROVINCES = Set.of("PV26", "PV27", "PV28");
    private static final Set<String> SOUTH_PROVINCES = Set.of("PV29", "PV30", "PV31");

    private static final Logger log = LoggerFactory.getLogger(DemoHousingMarket.class);

    private final HousingStocks stocks;
    private final MunicipalityRegistry registry;
    private final Populations populations;
    private final TransactionTemplate transaction;

    DemoHousingMarket(HousingStocks stocks, MunicipalityRegistry registry, Populations populations,
            TransactionTemplate transaction) {
        this.stocks = stocks;
        this.registry = registry;
        this.populations = populations;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        var rows = as(() -> {
            if (stocks.anyCorporation()) {
                return null;
            }
            return transaction.execute(status -> load(LocalDate.now(AuditTrail.ZONE).getYear()));
        });
        if (rows != null) {
            log.info("Demo housing market loaded in {} ms: 4 synthetic corporations, {} municipality rows",
                    (System.nanoTime() - started) / 1_000_000, rows);
        }
    }

    /** One corporation's share of a municipality's market. */
    record Part(String corporation, MunicipalityCode municipality, double fraction) {
    }

    private int load(int year) {
        var ids = new LinkedHashMap<String, Long>();
        ids.put(EXAMPLE, stocks.registerSyntheticCorporation(EXAMPLE, "DEMO-VB"));
        ids.put(RANDSTAD, stocks.registerSyntheticCorporation(RANDSTAD, "DEMO-RS"));
        ids.put(NORTH_EAST, stocks.registerSyntheticCorporation(NORTH_EAST, "DEMO-NO"));
        ids.put(SOUTH, stocks.registerSyntheticCorporation(SOUTH, "DEMO-ZU"));
        var population = populations.figures(populations.latest().id());
        int rows = 0;
        // Last year first, so that this year's import is the latest in each corporation's history.
        for (int y : List.of(year - 1, year)) {
            // The same seed both years: a municipality keeps its character, last year differs by the trend only.
            var random = new Random(SEED);
            var files = new LinkedHashMap<String, StringBuilder>();
            ids.keySet().forEach(name -> files.put(name, new StringBuilder(HEADER)));
            for (var municipality : registry.all()) {
                long inhabitants = population.getOrDefault(municipality.code(), 20_000L);
                var figures = figures(municipality, inhabitants, random, year - y);
                for (var part : parts(municipality)) {
                    files.get(part.corporation()).append(line(part, figures));
                    rows++;
                }
            }
            for (var file : files.entrySet()) {
                stocks.importSynthetic(ids.get(file.getKey()), y,
                        new ByteArrayInputStream(file.getValue().toString().getBytes(StandardCharsets.UTF_8)));
            }
        }
        return rows;
    }

    static final String HEADER = "gemeentecode;woningen_klein;woningen_middel;woningen_groot;woningen_extra_groot;"
            + "vrijkomend_klein;vrijkomend_middel;vrijkomend_groot;vrijkomend_extra_groot;toegewezen_vergunninghouders;"
            + "actief_woningzoekenden;mediane_inschrijfduur_maanden;nieuwe_woningzoekenden_per_jaar\n";

    static List<Part> parts(Municipality municipality) {
        if (municipality.code().equals(UTRECHT)) {
            return List.of(new Part(EXAMPLE, UTRECHT, EXAMPLE_PART_OF_UTRECHT),
                    new Part(RANDSTAD, UTRECHT, 1 - EXAMPLE_PART_OF_UTRECHT));
        }
        if (EXAMPLE_AREA.contains(municipality.code())) {
            return List.of(new Part(EXAMPLE, municipality.code(), 1));
        }
        var province = municipality.province().value();
        var corporation = RANDSTAD_PROVINCES.contains(province) ? RANDSTAD
                : SOUTH_PROVINCES.contains(province) ? SOUTH : NORTH_EAST;
        return List.of(new Part(corporation, municipality.code(), 1));
    }

    /**
     * A municipality's whole market: homes and vacancies per band, allocated, seekers, median wait, new seekers.
     * {@code yearsBack} 1 gives last year's: a little less stock and a somewhat shorter wait.
     */
    static double[] figures(Municipality municipality, long inhabitants, Random random, int yearsBack) {
        double area = municipality.areaKm2() == null ? 100 : Math.max(1, municipality.areaKm2().doubleValue());
        // Urbanity from 0 (under 300 inhabitants a km2) to 1 (above 2,500), CBS's density classes roughly.
        double urbanity = Math.max(0, Math.min(1, (Math.log(inhabitants / area) - Math.log(300)) / Math.log(2500 / 300.0)));
        double perHome = 14 - 8 * urbanity + random.nextGaussian() * 0.5;
        double homes = inhabitants / Math.max(5, perHome) * (1 - 0.01 * yearsBack);
        double turnover = 0.06 + 0.02 * random.nextDouble();
        double share = 0.08 + 0.07 * random.nextDouble();
        double seekers = inhabitants / (20 - 10 * urbanity + random.nextGaussian());
        double wait = (30 + 90 * urbanity) * (0.9 + 0.2 * random.nextDouble()) * (1 - 0.04 * yearsBack);
        double[] mix = { 0.40, 0.35, 0.20, 0.05 };
        var result = new double[12];
        double vacanciesTotal = 0;
        for (int b = 0; b < 4; b++) {
            double bandHomes = homes * mix[b] * (0.9 + 0.2 * random.nextDouble());
            result[b] = Math.round(bandHomes);
            result[4 + b] = Math.round(bandHomes * turnover * (0.85 + 0.3 * random.nextDouble()));
            vacanciesTotal += result[4 + b];
        }
        result[8] = Math.floor(vacanciesTotal * share);
        result[9] = Math.round(seekers);
        result[10] = Math.round(wait);
        // Regular seekers arrive at about the pace at which regular allocations take them off the list.
        result[11] = Math.round((vacanciesTotal - result[8]) * (0.95 + 0.25 * random.nextDouble()));
        return result;
    }

    private static String line(Part part, double[] whole) {
        var line = new StringBuilder(part.municipality().value());
        var counts = new long[12];
        long vacancies = 0;
        for (int i = 0; i < 12; i++) {
            counts[i] = i == 10 ? (long) whole[i] : (long) Math.floor(whole[i] * part.fraction());
            if (i >= 4 && i < 8) {
                vacancies += counts[i];
            }
        }
        counts[8] = Math.min(counts[8], vacancies);
        for (long count : counts) {
            line.append(';').append(count);
        }
        return line.append('\n').toString();
    }

    private static <T> T as(java.util.function.Supplier<T> work) {
        var loader = new DoorstroomUser(0, DemoQuotaHistory.ACTOR, "Demoscenario", Role.ADMINISTRATOR, Scope.nation());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(loader, null,
                List.of(new SimpleGrantedAuthority(Role.ADMINISTRATOR.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** For the tests: which corporation reports which municipalities. */
    static Map<String, List<MunicipalityCode>> served(List<Municipality> municipalities) {
        var served = new LinkedHashMap<String, List<MunicipalityCode>>();
        for (var m : municipalities) {
            for (var part : parts(m)) {
                served.computeIfAbsent(part.corporation(), k -> new ArrayList<>()).add(m.code());
            }
        }
        return served;
    }
}
