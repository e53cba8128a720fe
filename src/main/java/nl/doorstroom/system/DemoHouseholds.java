package nl.doorstroom.system;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.Scope;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.Populations;
import nl.doorstroom.permitholders.HouseholdOverview;
import nl.doorstroom.permitholders.HouseholdRegister;
import nl.doorstroom.permitholders.Journeys;
import nl.doorstroom.progress.Realisation;
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
 * Synthetic permit-holder households for the demo (see {@link DemoHouseholdMix} for what they are),
 * loaded once after the quota history, whose realisation figures the housed households reproduce.
 * All or nothing, in one transaction; seeded, so every demo is the same.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "doorstroom.demo.enabled", havingValue = "true")
class DemoHouseholds implements ApplicationRunner {

    static final long SEED = 20231103L; // the date of the table's minutes
    static final String NOTE = "Synthetisch voorbeeld (demo)";

    private static final Logger log = LoggerFactory.getLogger(DemoHouseholds.class);

    private final HouseholdRegister register;
    private final Journeys journeys;
    private final HouseholdOverview overview;
    private final Realisation realisation;
    private final MunicipalityRegistry registry;
    private final Populations populations;
    private final TransactionTemplate transaction;

    DemoHouseholds(HouseholdRegister register, Journeys journeys, HouseholdOverview overview, Realisation realisation,
            MunicipalityRegistry registry, Populations populations, TransactionTemplate transaction) {
        this.register = register;
        this.journeys = journeys;
        this.overview = overview;
        this.realisation = realisation;
        this.registry = registry;
        this.populations = populations;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (overview.funnel(HouseholdOverview.Area.nation(), null).registered().households() > 0) {
            return;
        }
        long started = System.nanoTime();
        var plan = transaction.execute(status -> load(LocalDate.now(AuditTrail.ZONE)));
        log.info("Demo households loaded in {} ms: {} households from their history, {} with a cancelled link, "
                + "{} municipality-months left one household short of the imported figure",
                (System.nanoTime() - started) / 1_000_000, plan.households().size(), plan.relinks().size(),
                plan.differences().size());
    }

    private DemoHouseholdMix.Plan load(LocalDate today) {
        // The months the housed households reproduce, and the month before them (for HAR placements past their term).
        var figures = new HashMap<MunicipalityCode, Map<YearMonth, Integer>>();
        for (var figure : realisation.monthlyFrom(YearMonth.from(today).minusMonths(DemoHouseholdMix.MONTHS_BACK + 2))) {
            figures.computeIfAbsent(figure.municipality(), k -> new HashMap<>()).put(figure.month(), figure.persons());
        }
        var plan = DemoHouseholdMix.of(registry.all(), populations.figures(populations.latest().id()), figures, today,
                SEED);
        as(Role.ADMINISTRATOR, () -> register.recordHistory(plan.households()));
        // Cancelling a link is a step of its own (with its reason), not part of a household's history.
        as(Role.COA_PLANNER, () -> {
            for (var relink : plan.relinks()) {
                long id = register.register(relink.form());
                journeys.link(id, 0, relink.linkedTo(), relink.linkedOn());
                journeys.cancelLink(id, 1, relink.reason(), NOTE, relink.cancelledOn());
                if (relink.relinkedTo() != null) {
                    journeys.link(id, 2, relink.relinkedTo(), relink.relinkedOn());
                }
            }
            return null;
        });
        return plan;
    }

    private static <T> T as(Role role, java.util.function.Supplier<T> work) {
        var loader = new DoorstroomUser(0, DemoQuotaHistory.ACTOR, "Demoscenario", role, Scope.nation());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(loader, null,
                List.of(new SimpleGrantedAuthority(role.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }
}
