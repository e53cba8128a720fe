package nl.doorstroom.system;

import java.util.List;
import java.util.Map;

import nl.doorstroom.housingmarket.AllocationScenarios;
import nl.doorstroom.housingmarket.ScenarioDraft;
import nl.doorstroom.housingmarket.SizeBand;
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
 * The demo's allocation-share scenarios, labelled synthetic and made by the demo analyst: the city of Utrecht at
 * four shares, and the province of Utrecht at three shares with extra large homes from temporary sites. They are
 * simulated from whatever market figures the demo holds when a page opens them. Added on the first start that finds
 * no scenario.
 */
@org.springframework.stereotype.Component
@Order(96)
@ConditionalOnProperty(name = "doorstroom.demo.enabled", havingValue = "true")
class DemoAllocationScenarios implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAllocationScenarios.class);
    private final AllocationScenarios scenarios;

    DemoAllocationScenarios(AllocationScenarios scenarios) {
        this.scenarios = scenarios;
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
            scenarios.createSynthetic(new ScenarioDraft("Utrecht: toewijzingspercentage 10 tot 40% (demo)",
                    "Synthetisch demoscenario: vier percentages naast elkaar voor de stad Utrecht.", "GM0344", null,
                    List.of(0.1, 0.2, 0.3, 0.4), Map.of(), null, null));
            // Shares around the current one and to the end of the half-year, so that they differ in shortfall.
            scenarios.createSynthetic(new ScenarioDraft("Provincie Utrecht met tijdelijke grote woningen (demo)",
                    "Synthetisch demoscenario: drie percentages rond het huidige en twee extra grote woningen per week uit tijdelijke locaties, tot het eind van het halfjaar.",
                    "PV26", null, List.of(0.08, 0.12, 0.16), Map.of(SizeBand.LARGE, 2.0), null, null));
            log.info("Demo allocation scenarios: 2 synthetic scenarios");
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }
}
