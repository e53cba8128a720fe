package nl.doorstroom.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.Role;
import nl.doorstroom.matching.LinkProposal.Decision;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.permitholders.FirmCriterion;
import nl.doorstroom.permitholders.HouseholdForm;
import nl.doorstroom.permitholders.HouseholdRegister;
import nl.doorstroom.permitholders.Journeys;
import nl.doorstroom.permitholders.Member;
import nl.doorstroom.permitholders.Profile;
import nl.doorstroom.permitholders.Stage;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs of the optimiser on embedded PostgreSQL with the demo data: each test registers its own households
 * with permits older than any other (so a run limited to their number takes exactly them), runs, and
 * decides.
 */
@IntegrationTest
class LinkingRunsIntegrationTests {

    static final MunicipalityCode AMERSFOORT = LinkingFixtures.AMERSFOORT;
    static final MunicipalityCode UTRECHT = MunicipalityCode.of("GM0344");

    @Autowired
    LinkingRuns runs;

    @Autowired
    HouseholdRegister register;

    @Autowired
    Journeys journeys;

    @Autowired
    MunicipalityRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RunExecutor executor;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static <T> T as(Role role, Callable<T> work) throws Exception {
        return TestUsers.as(role, work);
    }

    List<Long> registerHouseholds(int count, FirmCriterion... criteria) {
        return LinkingFixtures.registerOldest(register, count, criteria);
    }

    String regionOfAmersfoort() {
        return registry.find(AMERSFOORT).map(Municipality::coaRegion).orElseThrow();
    }

    LinkingRun finished(long id) throws Exception {
        // Generous: a run waits its turn behind other tests' runs on the single run thread, and a busy machine is slow.
        for (int i = 0; i < 1200; i++) {
            var run = as(Role.COA_PLANNER, () -> runs.find(id)).orElseThrow();
            if (!run.running()) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not end in 120 s");
    }

    long run(String region, int households, int seconds) throws Exception {
        return as(Role.COA_PLANNER, () -> runs.start(new RunRequest(region, households, 0, seconds, LinkingWeights.DEFAULT)));
    }

    List<LinkProposal> proposals(long id) throws Exception {
        return as(Role.COA_PLANNER, () -> runs.proposals(id, "ALL", null, 0, 500)).proposals();
    }

    @Test
    void aRunProposesInsideTheRegionWithinCapacityAndEachProposalExplainsItsScore() throws Exception {
        var ids = registerHouseholds(8);

        long id = run(regionOfAmersfoort(), ids.size(), 2);
        var run = finished(id);

        assertThat(run.status()).isEqualTo(LinkingRun.Status.FINISHED);
        assertThat(run.households()).isEqualTo(8);
        assertThat(run.objective()).isLessThanOrEqualTo(run.bound());
        var proposals = proposals(id);
        assertThat(proposals).extracting(LinkProposal::householdId).containsExactlyElementsOf(ids);
        var capacity = new HashMap<MunicipalityCode, Long>();
        jdbc.sql("SELECT municipality_code, capacity FROM linking_run_capacity WHERE run_id = :id").param("id", id)
                .query(rs -> {
                    capacity.put(MunicipalityCode.of(rs.getString(1)), rs.getLong(2));
                });
        var used = new HashMap<MunicipalityCode, Long>();
        long objective = 0;
        for (var proposal : proposals) {
            if (proposal.linked()) {
                assertThat(registry.find(proposal.municipality()).orElseThrow().coaRegion()).isEqualTo(regionOfAmersfoort());
                used.merge(proposal.municipality(), (long) proposal.persons(), Long::sum);
                objective += proposal.score();
                var explanation = as(Role.COA_PLANNER, () -> runs.explain(id, proposal.householdId()));
                assertThat(explanation.options()).filteredOn(o -> o.municipality().equals(proposal.municipality()))
                        .singleElement().satisfies(o -> assertThat(o.parts()).isEqualTo(proposal.parts()));
                assertThat(proposal.parts().total()).isEqualTo(proposal.parts().byCriterion().values().stream()
                        .mapToInt(Integer::intValue).sum());
                if (proposal.alternative() != null) {
                    assertThat(explanation.options().get(0).parts().total()).isGreaterThanOrEqualTo(proposal.alternativeScore());
                }
            }
            else {
                assertThat(proposal.unlinkedReason()).isNotNull();
            }
        }
        used.forEach((municipality, persons) -> assertThat(persons).isLessThanOrEqualTo(capacity.get(municipality)));
        assertThat(objective).isEqualTo(run.objective());
    }

    @Test
    void acceptedProposalsBecomeLinksAndAHouseholdChangedSinceTheRunFailsWithItsReason() throws Exception {
        var ids = registerHouseholds(4);
        long id = run(regionOfAmersfoort(), ids.size(), 1);
        finished(id);
        var proposals = proposals(id).stream().filter(LinkProposal::linked).toList();
        assertThat(proposals).as("the demo leaves room in the region").hasSizeGreaterThanOrEqualTo(2);
        var changed = proposals.get(0);
        as(Role.COA_PLANNER, () -> {
            register.change(changed.householdId(), 0, new HouseholdForm(changed.reference(), "azc Elders", AMERSFOORT,
                    changed.permitDate(), new Profile("", Profile.Education.UNKNOWN, Profile.WorkExperience.UNKNOWN,
                            Profile.Limitation.NONE),
                    List.of(new Member(Member.AgeBand.A30_44, Member.Sex.F, Member.Role.HEAD)), List.of()));
            return null;
        });

        var decided = as(Role.COA_PLANNER, () -> runs.accept(id, null));

        assertThat(decided.decided()).isEqualTo(proposals.size() - 1);
        assertThat(decided.failures()).singleElement().satisfies(f -> {
            assertThat(f.householdId()).isEqualTo(changed.householdId());
            assertThat(f.messageKey()).isEqualTo("linking.failure.householdChanged");
        });
        for (var proposal : proposals.subList(1, proposals.size())) {
            var household = as(Role.COA_PLANNER, () -> register.read(proposal.householdId())).orElseThrow().household();
            assertThat(household.stage()).isEqualTo(Stage.LINKED);
            assertThat(household.municipality()).isEqualTo(proposal.municipality());
        }
        assertThat(proposals(id)).filteredOn(p -> p.householdId() == changed.householdId()).singleElement()
                .extracting(LinkProposal::decision).isEqualTo(Decision.FAILED);
        var again = as(Role.COA_PLANNER, () -> runs.accept(id, ids));
        assertThat(again.decided()).isZero();
        assertThat(again.skipped()).isEqualTo(ids.size());
    }

    @Test
    void aFirmCriterionLimitsTheProposalToItsMunicipalityAndAHandLinkNeedsAReason() throws Exception {
        var ids = registerHouseholds(2, new FirmCriterion(FirmCriterion.Kind.WORK, UTRECHT, 16));
        long id = run(regionOfAmersfoort(), ids.size(), 1);
        finished(id);

        var explanation = as(Role.COA_PLANNER, () -> runs.explain(id, ids.get(0)));
        assertThat(explanation.options()).extracting(LinkingRuns.Explanation.Option::municipality).containsExactly(UTRECHT);
        assertThat(explanation.options().get(0).parts().ties()).isEqualTo(LinkingWeights.DEFAULT.ties());

        var missing = catchThrowableOfType(InvalidInput.class,
                () -> as(Role.COA_PLANNER, () -> { runs.change(id, ids.get(1), AMERSFOORT, " "); return null; }));
        assertThat(missing.problems()).extracting(InvalidInput.Problem::messageKey).containsExactly("linking.change.reasonMissing");
        var against = catchThrowableOfType(InvalidInput.class,
                () -> as(Role.COA_PLANNER, () -> { runs.change(id, ids.get(1), AMERSFOORT, "Dichter bij familie"); return null; }));
        assertThat(against.problems()).extracting(InvalidInput.Problem::messageKey).containsExactly("journey.link.againstCriterion");

        as(Role.COA_PLANNER, () -> { runs.change(id, ids.get(1), UTRECHT, "Werkgever vraagt om spoed"); return null; });

        var proposal = as(Role.COA_PLANNER, () -> runs.explain(id, ids.get(1))).proposal();
        assertThat(proposal.decision()).isEqualTo(Decision.CHANGED);
        assertThat(proposal.decidedMunicipality()).isEqualTo(UTRECHT);
        assertThat(proposal.decisionReason()).isEqualTo("Werkgever vraagt om spoed");
        assertThat(as(Role.COA_PLANNER, () -> register.read(ids.get(1))).orElseThrow().household().municipality())
                .isEqualTo(UTRECHT);
    }

    @Test
    void aRunRecomputedOnItsKeptInputsProposesTheSameEvenAfterTheRegisterChanged() throws Exception {
        var ids = registerHouseholds(5);
        long first = run(regionOfAmersfoort(), ids.size(), 1);
        var original = finished(first);
        var before = proposals(first);
        registerHouseholds(3); // older permits now: a fresh run would take these instead

        long again = as(Role.COA_PLANNER, () -> runs.recompute(first, 1));
        var recomputed = finished(again);

        assertThat(recomputed.recomputedFrom()).isEqualTo(first);
        assertThat(recomputed.objective()).isEqualTo(original.objective());
        assertThat(proposals(again)).extracting(LinkProposal::householdId, LinkProposal::municipality, LinkProposal::parts)
                .containsExactlyElementsOf(before.stream().map(p -> org.assertj.core.groups.Tuple.tuple(p.householdId(),
                        p.municipality(), p.parts())).toList());
    }

    @Test
    void aLongRunCanBeCancelledAndProposesNothing() throws Exception {
        long id = as(Role.COA_PLANNER, () -> runs.start(new RunRequest(null, null, 10, 120, LinkingWeights.DEFAULT)));

        as(Role.COA_PLANNER, () -> { runs.cancel(id); return null; });
        var run = finished(id);

        assertThat(run.status()).isEqualTo(LinkingRun.Status.CANCELLED);
        assertThat(proposals(id)).noneMatch(LinkProposal::linked);
        var accepting = catchThrowableOfType(InvalidInput.class, () -> as(Role.COA_PLANNER, () -> runs.accept(id, null)));
        assertThat(accepting.problems()).extracting(InvalidInput.Problem::messageKey).containsExactly("linking.run.notFinished");
    }

    @Test
    void aRunWhoseNodeStoppedIsEndedAsInterruptedByTheSweepOfAnyNode() throws Exception {
        registerHouseholds(1);
        long id = run(regionOfAmersfoort(), 1, 1);
        finished(id);
        // As a node that stopped would leave it: still running, no heartbeat for two minutes.
        jdbc.sql("""
                UPDATE linking_run SET status = 'RUNNING', finished_at = NULL, heartbeat_at = now() - INTERVAL '2 minutes'
                WHERE id = :id""").param("id", id).update();

        executor.heartbeat();

        var run = as(Role.COA_PLANNER, () -> runs.find(id)).orElseThrow();
        assertThat(run.status()).isEqualTo(LinkingRun.Status.FAILED);
        assertThat(run.failure()).isEqualTo("linking.failure.interrupted");
    }

    @Test
    void aRequestOutsideItsLimitsIsRefusedNamingEachField() throws Exception {
        var refusal = catchThrowableOfType(InvalidInput.class, () -> as(Role.COA_PLANNER,
                () -> runs.start(new RunRequest("NOWHERE", 0, 80, 0, new LinkingWeights(-1, 10, 10, 10, 10, 101)))));

        assertThat(refusal.problems()).extracting(InvalidInput.Problem::field).containsExactly("region", "householdLimit",
                "tolerancePercent", "seconds", "weight.base", "weight.spreading");
    }

    @Test
    void onlyCoaPlannersRunAndDecideWhileNationalCoordinatorsMayRead() throws Exception {
        var officer = catchThrowable(() -> as(Role.MUNICIPALITY_OFFICER,
                () -> runs.start(new RunRequest(null, 1, 0, 1, LinkingWeights.DEFAULT))));
        var coordinator = catchThrowable(() -> as(Role.NATIONAL_COORDINATOR,
                () -> runs.start(new RunRequest(null, 1, 0, 1, LinkingWeights.DEFAULT))));
        var province = catchThrowable(() -> as(Role.PROVINCE_SUPERVISOR, () -> runs.recent(10)));

        assertThat(officer).isInstanceOf(AccessDeniedException.class);
        assertThat(coordinator).isInstanceOf(AccessDeniedException.class);
        assertThat(province).isInstanceOf(AccessDeniedException.class);
        assertThat(as(Role.NATIONAL_COORDINATOR, () -> runs.recent(10))).isNotNull();
    }

    @Test
    void readingProposalsIsAudited() throws Exception {
        var ids = registerHouseholds(1);
        long id = run(regionOfAmersfoort(), 1, 1);
        finished(id);

        proposals(id);

        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE action = 'linking-proposals.read' AND subject_id = :id
                  AND detail LIKE :ids""").param("id", String.valueOf(id)).param("ids", "%" + ids.get(0) + "%")
                .query(Long.class).single()).isPositive();
    }
}
