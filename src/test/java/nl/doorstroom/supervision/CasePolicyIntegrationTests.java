package nl.doorstroom.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.Scope;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.progress.Colour;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.ProvinceCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/** "Open a case after four missed periods in a row": a province's policy, on the real database. */
@IntegrationTest
class CasePolicyIntegrationTests {

    static final ProvinceCode ZEELAND = ProvinceCode.of("PV29");
    static final LocalDate TODAY = LocalDate.now(AuditTrail.ZONE);
    static final DoorstroomUser SUPERVISOR = new DoorstroomUser(5, "test-zeeland", "Zeeland", Role.PROVINCE_SUPERVISOR,
            Scope.province(ZEELAND));

    @Autowired
    CasePolicy policy;
    @Autowired
    Assessments assessments;
    @Autowired
    EscalationLadders ladders;
    @Autowired
    Escalations escalations;
    @Autowired
    MunicipalityRegistry registry;
    @Autowired
    JdbcClient jdbc;

    /** Decides a municipality's assessment of a half-year as missed (red) or met/excusable. */
    void decide(Municipality m, HalfYear period, boolean missed) {
        var row = assessments.forPeriod(period, ZEELAND).stream().filter(r -> r.code().equals(m.code())).findFirst()
                .orElseThrow();
        if (missed) {
            if (row.proposed() == Colour.GREEN) {
                assessments.decide(m.code(), period, Assessment.Outcome.OVERRIDDEN, Colour.RED, "Cijfers gecorrigeerd",
                        row.version());
            }
            else {
                assessments.decide(m.code(), period, Assessment.Outcome.CONFIRMED, null, null, row.version());
            }
        }
        else if (row.proposed() == Colour.GREEN) {
            assessments.decide(m.code(), period, Assessment.Outcome.CONFIRMED, null, null, row.version());
        }
        else {
            assessments.decide(m.code(), period, Assessment.Outcome.EXCUSABLE, null, "Woningen opgeleverd na de peildatum",
                    row.version());
        }
    }

    @Test
    void opensACaseAfterFourMissedHalfYearsInARowAndNotForOneThatWasExcused() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(TestUsers.signedIn(SUPERVISOR));
        var opened = new ArrayList<Long>();
        try {
            var periods = assessments.assessedPeriods();
            assumeTrue(periods.size() >= 4, "The test database has four assessed half-years");
            var used = Set.copyOf(jdbc.sql("SELECT municipality_code FROM escalation_case").query(String.class).list());
            var free = registry.inProvince(ZEELAND).stream().filter(m -> !used.contains(m.code().value())).toList();
            var behind = free.get(0);
            var excused = free.get(1);
            for (int i = 0; i < 4; i++) {
                decide(behind, periods.get(i), true);
                decide(excused, periods.get(i), i != 0);
            }
            var ladder = ladders.of(ZEELAND);
            ladders.change(ZEELAND, ladder.steps(), 4, ladder.version());

            var qualifying = policy.qualifying(ZEELAND);
            opened.addAll(policy.apply(ZEELAND));

            assertThat(qualifying).extracting(CasePolicy.Qualifying::code).contains(behind.code())
                    .doesNotContain(excused.code());
            assertThat(qualifying).allSatisfy(q -> assertThat(q.missedInARow()).isGreaterThanOrEqualTo(4));
            var cases = escalations.cases(ZEELAND, behind.code(), true);
            assertThat(cases).hasSize(1);
            var opening = cases.get(0);
            assertThat(opened).contains(opening.id());
            assertThat(opening.openedByPolicyAfter()).isGreaterThanOrEqualTo(4);
            assertThat(opening.current().kind()).isEqualTo(StepKind.SIGNAL);
            assertThat(escalations.cases(ZEELAND, excused.code(), false)).isEmpty();

            assertThat(policy.apply(ZEELAND)).isEmpty();
            escalations.close(opening.id(), opening.version(), new Escalations.CaseClosing(
                    EscalationCase.Closure.COMPLIES, TODAY, null, null, null, null, null, null));
            // Closed after the last cut-off date: this run of missed half-years has been dealt with.
            assertThat(policy.apply(ZEELAND)).isEmpty();
        }
        finally {
            for (long id : opened) {
                var c = escalations.find(id);
                if (c.isOpen()) {
                    escalations.close(id, c.version(), new Escalations.CaseClosing(EscalationCase.Closure.WITHDRAWN,
                            TODAY, "einde van de test", null, null, null, null, null));
                }
            }
            var ladder = ladders.of(ZEELAND);
            ladders.change(ZEELAND, ladder.steps(), null, ladder.version());
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void withoutAPolicyNoMunicipalityQualifies() {
        SecurityContextHolder.getContext().setAuthentication(TestUsers.signedIn(SUPERVISOR));
        try {
            assertThat(ladders.of(ProvinceCode.of("PV20")).openAfterMissed()).isNull();
            assertThat(policy.qualifying(ProvinceCode.of("PV20"))).isEmpty();
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    static List<String> none() {
        return List.of();
    }
}
