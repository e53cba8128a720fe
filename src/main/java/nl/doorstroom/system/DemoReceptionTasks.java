package nl.doorstroom.system;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.Scope;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.quota.DistributionKey;
import nl.doorstroom.quota.Indicators;
import nl.doorstroom.reception.FigureKind;
import nl.doorstroom.reception.ReceptionTasks;
import nl.doorstroom.reception.TaskTotal;
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
 * Synthetic reception tasks for the demo: the act's 96,000 places from 1 February 2024, computed with the quota
 * demo's synthetic welfare factor (or one made here, labelled synthetic, when there is none), municipal places
 * provided spread so that some municipalities meet their task and most do not, and displaced Ukrainians, about
 * 100,000 in all as in 2023, spread by population. Everything is labelled synthetic; loaded once, seeded.
 */
@Component
@Order(85)
@ConditionalOnProperty(name = "doorstroom.demo.enabled", havingValue = "true")
class DemoReceptionTasks implements ApplicationRunner {

    static final long SEED = 20240201L;

    /** Displaced Ukrainians in municipal reception, in round figures as in 2023. */
    static final int UKRAINIANS = 100_000;

    private static final Logger log = LoggerFactory.getLogger(DemoReceptionTasks.class);

    private final ReceptionTasks tasks;
    private final Indicators indicators;
    private final MunicipalityRegistry registry;
    private final TransactionTemplate transaction;

    DemoReceptionTasks(ReceptionTasks tasks, Indicators indicators, MunicipalityRegistry registry,
            TransactionTemplate transaction) {
        this.tasks = tasks;
        this.indicators = indicators;
        this.registry = registry;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        var today = LocalDate.now(AuditTrail.ZONE);
        var random = new Random(SEED);
        var calculation = as(Role.MINISTRY_ANALYST, () -> transaction.execute(status -> {
            var existing = tasks.calculationOn(today);
            if (existing.isPresent()) {
                return existing.get();
            }
            if (indicators.latest(DistributionKey.WELFARE_FACTOR).isEmpty()) {
                syntheticWelfare(random);
            }
            tasks.enterSyntheticTotal(TaskTotal.STATUTORY_TOTAL, TaskTotal.STATUTORY_DATE,
                    "Landelijk aantal volgens de Spreidingswet (synthetisch, demo)");
            return tasks.calculateSynthetic(TaskTotal.STATUTORY_DATE);
        }));
        if (tasks.anyImported(FigureKind.MUNICIPAL_PLACES)) {
            return;
        }
        var reported = today.minusDays(14);
        int[] figures = as(Role.NATIONAL_COORDINATOR, () -> transaction.execute(status -> load(random, reported)));
        log.info("Demo reception tasks loaded in {} ms: {} places distributed, {} municipal places and {} displaced "
                + "Ukrainians reported (synthetic)", (System.nanoTime() - started) / 1_000_000, calculation.allocated(),
                figures[0], figures[1]);
    }

    private int[] load(Random random, LocalDate reported) {
        var picture = tasks.picture(reported);
        long inhabitants = picture.values().stream().mapToLong(p -> p.population()).sum();
        var places = new HashMap<MunicipalityCode, Long>();
        var ukrainians = new HashMap<MunicipalityCode, Long>();
        int placesSum = 0;
        int ukrainiansSum = 0;
        for (var p : picture.values()) {
            // One in five at or above the task, most below it, some far below.
            double draw = random.nextDouble();
            double share = draw < 0.2 ? 1.0 + 0.3 * random.nextDouble()
                    : draw < 0.8 ? 0.3 + 0.65 * random.nextDouble() : 0.3 * random.nextDouble();
            long provided = Math.round(p.task() * share);
            places.put(p.code(), provided);
            placesSum += provided;
            double expected = inhabitants == 0 ? 0 : UKRAINIANS * (double) p.population() / inhabitants;
            long persons = Math.max(0, Math.round(expected * Math.exp(0.5 * random.nextGaussian() - 0.125)));
            ukrainians.put(p.code(), persons);
            ukrainiansSum += persons;
        }
        tasks.recordSynthetic(FigureKind.MUNICIPAL_PLACES, places, reported,
                "Gemeentelijke opvangplaatsen (synthetisch, demo)");
        tasks.recordSynthetic(FigureKind.UKRAINIANS, ukrainians, reported,
                "Oekraïense ontheemden in gemeentelijke opvang (synthetisch, demo)");
        return new int[] { placesSum, ukrainiansSum };
    }

    /** A welfare factor around 1 when the quota demo left none: not CBS's SES-WOA. */
    private void syntheticWelfare(Random random) {
        var welfare = new HashMap<MunicipalityCode, BigDecimal>();
        for (var municipality : registry.all()) {
            double factor = Math.max(0.5, Math.min(2.0, 1 + 0.25 * random.nextGaussian()));
            welfare.put(municipality.code(), BigDecimal.valueOf(factor).setScale(4, RoundingMode.HALF_UP));
        }
        indicators.importSynthetic(DistributionKey.WELFARE_FACTOR, welfare, LocalDate.of(2024, 1, 1),
                "Welvaartscorrectie (synthetisch, demo)");
    }

    private static <T> T as(Role role, Callable<T> work) {
        var loader = new DoorstroomUser(0, DemoQuotaHistory.ACTOR, "Demoscenario", role, Scope.nation());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(loader, null,
                List.of(new SimpleGrantedAuthority(role.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.call();
        }
        catch (RuntimeException e) {
            throw e;
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }
}
