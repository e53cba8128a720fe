package nl.doorstroom.system;

import java.util.List;
import java.util.Set;

import nl.doorstroom.identity.AccountAdministration;
import nl.doorstroom.identity.AccountAdministration.AccountForm;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.Scope;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The synthetic demo scenario for {@code ./mvnw spring-boot:run}: one account per role, all with
 * the same published password. Never on in production ({@code DOORSTROOM_DEMO=false}).
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "doorstroom.demo.enabled", havingValue = "true")
class DemoScenario implements ApplicationRunner {

    static final String PASSWORD = "doorstroom-demo";

    record DemoAccount(String username, String displayName, Role role, Scope scope) {
    }

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("coordinator", "Coördinatiecentrum (demo)", Role.NATIONAL_COORDINATOR, Scope.nation()),
            new DemoAccount("analyst", "Analist ministerie (demo)", Role.MINISTRY_ANALYST, Scope.nation()),
            new DemoAccount("coa", "COA-planner (demo)", Role.COA_PLANNER, Scope.nation()),
            new DemoAccount("province-utrecht", "Toezichthouder provincie Utrecht (demo)", Role.PROVINCE_SUPERVISOR,
                    Scope.province(ProvinceCode.of("PV26"))),
            new DemoAccount("municipality-utrecht", "Gemeente Utrecht (demo)", Role.MUNICIPALITY_OFFICER,
                    Scope.municipality(MunicipalityCode.of("GM0344"))),
            new DemoAccount("corporation", "Woonstichting Voorbeeld (synthetisch)", Role.HOUSING_CORPORATION,
                    Scope.organisation("Woonstichting Voorbeeld (synthetisch)", Set.of(MunicipalityCode.of("GM0344"),
                            MunicipalityCode.of("GM0353"), MunicipalityCode.of("GM0355"),
                            MunicipalityCode.of("GM0356")))),
            new DemoAccount("admin", "Beheerder (demo)", Role.ADMINISTRATOR, Scope.nation()));

    private static final Logger log = LoggerFactory.getLogger(DemoScenario.class);

    private final AccountAdministration administration;
    private final Environment environment;

    DemoScenario(AccountAdministration administration, Environment environment) {
        this.administration = administration;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (var account : ACCOUNTS) {
            if (!administration.exists(account.username())) {
                administration.create(new AccountForm(account.username(), account.displayName(), account.role(),
                        account.scope(), true), PASSWORD);
            }
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        var port = environment.getProperty("local.server.port", "8080");
        var lines = new StringBuilder("\n\n  Doorstroom is ready at http://localhost:").append(port).append('\n')
                .append("  Synthetic demo data. Demo accounts (password for all: ").append(PASSWORD).append("):\n");
        for (var account : ACCOUNTS) {
            lines.append(String.format("    %-22s %s%n", account.username(), account.role()));
        }
        log.info(lines.toString());
    }
}
