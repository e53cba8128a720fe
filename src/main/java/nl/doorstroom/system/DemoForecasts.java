package nl.doorstroom.system;

import java.util.List;

import nl.doorstroom.forecasting.ForecastRuns;
import nl.doorstroom.forecasting.ForecastScenarios;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The demo's forecast scenarios: the four the table compares (baseline, +500 extra places a week, the allocation
 * share raised, inflow +20%), made from the demo's figures by the demo analyst and labelled synthetic, and run
 * once so the comparison page has results. Added on the first start that finds no scenario.
 */
@org.springframework.stereotype.Component
@Order(90)
@ConditionalOnProperty(name = "doorstroom.demo.enabled", havingValue = "true")
class DemoForecasts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoForecasts.class);
    private final ForecastScenarios scenarios;
    private final ForecastRuns runs;

    DemoForecasts(ForecastScenarios scenarios, ForecastRuns runs) {
        this.scenarios = scenarios;
        this.runs = runs;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (scenarios.any()) {
            return;
        }
        var loader = new DoorstroomUser(0, "analyst", "Demoscenario", Role.MINISTRY_ANALYST, Scope.nation());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(loader, null,
                List.of(new SimpleGrantedAuthority(Role.MINISTRY_ANALYST.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            var ids = scenarios.createStandardSynthetic();
            runs.start(ids, ForecastRuns.DEFAULT_RUNS, 20231103L);
            log.info("Demo forecasts: {} synthetic scenarios, run with {} runs each", ids.size(), ForecastRuns.DEFAULT_RUNS);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }
}
