package nl.doorstroom.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.Role;
import nl.doorstroom.supervision.EscalationCase;
import nl.doorstroom.supervision.EscalationLadders;
import nl.doorstroom.supervision.Escalations;
import nl.doorstroom.supervision.StepKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's supervision cases as loaded (issue 7). Other tests in the shared context may open cases of
 * their own; these checks look at the synthetic ones.
 */
@IntegrationTest
class DemoSupervisionTests {

    @Autowired
    Escalations escalations;

    @Autowired
    EscalationLadders ladders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoSupervision demo;

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    List<EscalationCase> synthetic(boolean openOnly) throws Exception {
        return TestUsers.as(Role.ADMINISTRATOR, () -> escalations.cases(null, null, openOnly)).stream()
                .filter(c -> c.synthetic() && DemoQuotaHistory.ACTOR.equals(c.openedBy())).toList();
    }

    @Test
    void openCasesStandAtManyStepsInManyProvincesSomeOverdueAndOneSubstitutionCarriedOut() throws Exception {
        var open = synthetic(true);
        var today = today();

        assertThat(open).hasSizeGreaterThanOrEqualTo(25);
        assertThat(open.stream().map(EscalationCase::province).distinct().count()).isGreaterThanOrEqualTo(8);
        assertThat(open.stream().map(c -> c.current().kind()).distinct().count()).isGreaterThanOrEqualTo(5);
        assertThat(open).anyMatch(c -> c.overdueOn(today)).anyMatch(c -> !c.overdueOn(today));
        var carriedOut = open.stream().filter(c -> c.current().kind() == StepKind.SUBSTITUTION_CARRIED_OUT).toList();
        assertThat(carriedOut).hasSize(1);
        var substituted = carriedOut.get(0);
        assertThat(substituted.steps()).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo(StepKind.SUBSTITUTION_DECISION);
            assertThat(s.dueOn()).as("the decision's deadline").isNotNull().isBefore(substituted.current().stepOn());
        });
        assertThat(substituted.costs()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(open).anyMatch(EscalationCase::ministerAsked);
        assertThat(open.stream().flatMap(c -> c.courseOfAction().stream()).map(EscalationCase.CourseItem::kind)
                .collect(Collectors.toSet())).contains(EscalationCase.ActionKind.EXTRA_PLACES,
                        EscalationCase.ActionKind.REGIONAL_ARRANGEMENT);
    }

    @Test
    void everyStepIsOnAPastDateAfterTheOneBeforeAndEveryTextSaysItIsSynthetic() throws Exception {
        var all = synthetic(false);
        var today = today();

        assertThat(all).allSatisfy(c -> {
            assertThat(c.openedOn()).isBetween(today.minusDays(300), today);
            assertThat(c.reason()).endsWith(DemoSupervision.NOTE);
            for (int i = 0; i < c.steps().size(); i++) {
                var step = c.steps().get(i);
                assertThat(step.stepOn()).isBeforeOrEqualTo(today);
                assertThat(step.notes()).endsWith(DemoSupervision.NOTE);
                if (i > 0) {
                    assertThat(step.stepOn()).isAfterOrEqualTo(c.steps().get(i - 1).stepOn());
                }
            }
        });
        var closed = all.stream().filter(c -> !c.isOpen()).toList();
        assertThat(closed).extracting(EscalationCase::closure).contains(EscalationCase.Closure.COMPLIES,
                EscalationCase.Closure.COMMITTED);
        assertThat(closed).filteredOn(c -> c.closure() == EscalationCase.Closure.COMMITTED)
                .allSatisfy(c -> assertThat(c.commitment().text()).endsWith(DemoSupervision.NOTE));
    }

    @Test
    void everyCaseIsSyntheticAndGelderlandHasItsOwnLadder() throws Exception {
        long notSynthetic = jdbc.sql("SELECT count(*) FROM escalation_case WHERE NOT synthetic AND opened_by = :by")
                .param("by", DemoQuotaHistory.ACTOR).query(Long.class).single();
        var gelderland = ladders.of(DemoSupervision.GELDERLAND);

        assertThat(notSynthetic).isZero();
        assertThat(gelderland.isDefault()).isFalse();
        assertThat(gelderland.openAfterMissed()).isEqualTo(4);
    }

    @Test
    void loadsOnlyOnce() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM escalation_case").query(Long.class).single();

        demo.run(null);

        assertThat(jdbc.sql("SELECT count(*) FROM escalation_case").query(Long.class).single()).isEqualTo(before);
    }
}
