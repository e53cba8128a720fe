package nl.doorstroom.system;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.Scope;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.Populations;
import nl.doorstroom.progress.AssessmentPolicy;
import nl.doorstroom.progress.MonthlyFigure;
import nl.doorstroom.progress.Realisation;
import nl.doorstroom.quota.NationalTotals;
import nl.doorstroom.quota.QuotaCalculation;
import nl.doorstroom.quota.QuotaTransfers;
import nl.doorstroom.quota.Quotas;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
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
 * Synthetic quota history for the demo, from 2022-I to the current half-year: national totals (the
 * published ones of 2022-I, 2022-II and 2023-I, synthetic ones after), quotas by law, monthly
 * housing figures in which most municipalities fall behind and a few run ahead (as over 2023, when
 * only 59 of 342 met their quota), and a few transfers between neighbours. Loaded once, seeded, so
 * every demo looks the same; everything it adds is labelled synthetic.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "doorstroom.demo.enabled", havingValue = "true")
class DemoQuotaHistory implements ApplicationRunner {

    static final String ACTOR = "demo-scenario";
    static final HalfYear FIRST = new HalfYear(2022, 1);

    /** Synthetic national totals after the published ones (the seeded migration holds 2022-I to 2023-I). */
    private static final Map<HalfYear, Integer> SYNTHETIC_TOTALS = Map.of(
            new HalfYear(2023, 2), 19_000, new HalfYear(2024, 1), 20_000, new HalfYear(2024, 2), 20_000,
            new HalfYear(2025, 1), 16_500, new HalfYear(2025, 2), 16_000, new HalfYear(2026, 1), 15_000,
            new HalfYear(2026, 2), 14_500);

    private static final HalfYear LAST_SYNTHETIC = new HalfYear(2026, 2);

    private final NationalTotals totals;
    private final QuotaCalculation calculation;
    private final Quotas quotas;
    private final QuotaTransfers transfers;
    private final Realisation realisation;
    private final AssessmentPolicy policy;
    private final MunicipalityRegistry registry;
    private final Populations populations;
    private final TransactionTemplate transaction;
    private final nl.doorstroom.quota.Indicators indicators;

    DemoQuotaHistory(NationalTotals totals, QuotaCalculation calculation, Quotas quotas, QuotaTransfers transfers,
            Realisation realisation, AssessmentPolicy policy, MunicipalityRegistry registry, Populations populations,
            TransactionTemplate transaction, nl.doorstroom.quota.Indicators indicators) {
        this.indicators = indicators;
        this.totals = totals;
        this.calculation = calculation;
        this.quotas = quotas;
        this.transfers = transfers;
        this.realisation = realisation;
        this.policy = policy;
        this.registry = registry;
        this.populations = populations;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!calculation.periods().isEmpty()) {
            return;
        }
        var loader = new DoorstroomUser(0, ACTOR, "Demoscenario", Role.ADMINISTRATOR, Scope.nation());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(loader, null,
                List.of(new SimpleGrantedAuthority(Role.ADMINISTRATOR.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            transaction.executeWithoutResult(status -> load(LocalDate.now(AuditTrail.ZONE)));
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void load(LocalDate today) {
        var random = new Random(20231103L); // the date of the table's minutes
        var current = HalfYear.containing(today);
        var latestVersion = populations.latest();
        var municipalities = registry.all();
        // How well each municipality does, persistently: most below their pace, some ahead.
        var performance = new HashMap<MunicipalityCode, Double>();
        for (var municipality : municipalities) {
            double base = 0.80 + 0.22 * random.nextGaussian();
            performance.put(municipality.code(), Math.max(0.25, Math.min(1.45, base)));
        }
        var balance = new HashMap<MunicipalityCode, Long>();
        var figures = new ArrayList<MonthlyFigure>();
        for (var period : HalfYear.range(FIRST, current)) {
            if (totals.history(period).isEmpty()) {
                // Half-years after the last one in the table (the demo keeps running in later years) repeat it.
                int total = SYNTHETIC_TOTALS.getOrDefault(period, SYNTHETIC_TOTALS.get(LAST_SYNTHETIC));
                totals.enterSynthetic(period, total, period.start().minusWeeks(14),
                        "Synthetische landelijke taakstelling (demo)");
            }
            publish(period, latestVersion.id());
            if (period.equals(new HalfYear(2022, 2))) {
                // The published 2022-II total was raised during the half-year to over 20,000 (DOMAIN.md);
                // the exact figure here is synthetic.
                totals.enterSynthetic(period, 20_500, LocalDate.of(2022, 9, 15),
                        "Bijgestelde taakstelling (synthetisch bedrag; de werkelijke bijstelling was ruim 20.000)");
                publish(period, latestVersion.id());
            }
            if (period.equals(new HalfYear(2024, 2)) || period.equals(new HalfYear(2025, 2))) {
                agreeTransfers(period, random);
            }
            var book = quotas.book(List.of(period), period.end());
            double climate = period.year() == 2023 ? 0.88 : 1.0;
            for (var municipality : municipalities) {
                var code = municipality.code();
                long corrected = book.get(period).quotaOf(code) + balance.getOrDefault(code, 0L);
                double target = Math.max(0, corrected) * performance.get(code) * climate
                        * (0.9 + 0.2 * random.nextDouble());
                long housedInPeriod = 0;
                for (var month : period.months()) {
                    if (month.isAfter(YearMonth.from(today))) {
                        break;
                    }
                    double share = target / 6.0 * (0.6 + 0.8 * random.nextDouble());
                    if (month.equals(YearMonth.from(today))) {
                        share *= (double) today.getDayOfMonth() / today.lengthOfMonth();
                    }
                    int persons = (int) Math.round(share);
                    housedInPeriod += persons;
                    figures.add(new MonthlyFigure(code, month, persons));
                }
                balance.put(code, corrected - housedInPeriod);
            }
        }
        realisation.record(figures, "DEMO", "Synthetische maandcijfers COA (demo)");
        // A later correction of two months for Utrecht, to show that the latest delivery counts.
        var corrected = figures.stream().filter(f -> f.municipality().value().equals("GM0344")
                && f.month().isBefore(YearMonth.from(today).minusMonths(1))).skip(40).limit(2)
                .map(f -> new MonthlyFigure(f.municipality(), f.month(), f.persons() + 3)).toList();
        realisation.record(corrected, "DEMO", "Synthetische correctie COA (demo)");
        loadIndicators(random, populations.figures(latestVersion.id()));
        // One province with its own thresholds, and one excused shortfall, to show both.
        policy.change(ProvinceCode.of("PV26"), new BigDecimal("100.0"), new BigDecimal("75.0"), -1);
        var excusedPeriod = current.previous();
        if (excusedPeriod.end().isBefore(today)) {
            policy.excuse(MunicipalityCode.of("GM0355"), excusedPeriod,
                    "Nieuwbouwproject met 40 woningen vertraagd door stikstofuitspraak; oplevering in het volgende halfjaar (synthetisch)");
        }
    }

    /**
     * Synthetic indicators for the other distribution keys: a welfare correction factor around 1,
     * tax revenue and GDP roughly proportional to population with a spread. Not CBS or Eurostat figures.
     */
    private void loadIndicators(Random random, Map<MunicipalityCode, Long> population) {
        var welfare = new HashMap<MunicipalityCode, BigDecimal>();
        var tax = new HashMap<MunicipalityCode, BigDecimal>();
        var gdp = new HashMap<MunicipalityCode, BigDecimal>();
        for (var municipality : registry.all()) {
            long inhabitants = population.getOrDefault(municipality.code(), 0L);
            double prosperity = Math.max(0.4, 1 + 0.25 * random.nextGaussian());
            welfare.put(municipality.code(), BigDecimal.valueOf(prosperity).setScale(4, java.math.RoundingMode.HALF_UP));
            tax.put(municipality.code(), BigDecimal.valueOf(Math.round(inhabitants * 950 * prosperity)));
            gdp.put(municipality.code(), BigDecimal.valueOf(Math.round(inhabitants * 52_000
                    * Math.max(0.3, prosperity + 0.15 * random.nextGaussian()))));
        }
        var date = LocalDate.of(2024, 1, 1);
        indicators.importSynthetic(nl.doorstroom.quota.DistributionKey.WELFARE_FACTOR, welfare, date,
                "Welvaartscorrectie (synthetisch, demo)");
        indicators.importSynthetic(nl.doorstroom.quota.DistributionKey.TAX_REVENUE, tax, date,
                "Belastinginkomsten in euro (synthetisch, demo)");
        indicators.importSynthetic(nl.doorstroom.quota.DistributionKey.GDP, gdp, date,
                "Bruto binnenlands product in euro (synthetisch, demo)");
    }

    private void publish(HalfYear period, long fallbackVersion) {
        if (populations.on(period.populationReferenceDate()).isEmpty()) {
            calculation.publish(period, fallbackVersion, "Demo: geen CBS-bevolking per "
                    + period.populationReferenceDate() + " geladen; de meegeleverde versie is gekozen (synthetisch)");
        }
        else {
            calculation.publish(period, null, null);
        }
    }

    /** A few neighbours agree to shift part of the quota (art. 29(2)); synthetic. */
    private void agreeTransfers(HalfYear period, Random random) {
        var pairs = List.of(List.of("GM0344", "GM0355"), List.of("GM0363", "GM0362"), List.of("GM0518", "GM0603"),
                List.of("GM0599", "GM0542"));
        for (var pair : pairs) {
            var from = MunicipalityCode.of(pair.get(0));
            var to = MunicipalityCode.of(pair.get(1));
            if (!registry.exists(from) || !registry.exists(to)) {
                continue;
            }
            int amount = 5 + random.nextInt(20);
            transfers.agreeForDemo(period, Map.of(from, -amount, to, amount), period.start().plusDays(20),
                    "Regionale afspraak tussen buurgemeenten (synthetisch)");
        }
    }
}
