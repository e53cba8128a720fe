package nl.doorstroom.permitholders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.progress.Realisation;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** The register and the journey on embedded PostgreSQL, with the demo data loaded. */
@IntegrationTest
class PermitHoldersIntegrationTests {

    static final MunicipalityCode UTRECHT = MunicipalityCode.of("GM0344");
    static final MunicipalityCode AMERSFOORT = MunicipalityCode.of("GM0307");
    static final MunicipalityCode ROTTERDAM = MunicipalityCode.of("GM0599");
    static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    HouseholdRegister register;

    @Autowired
    Journeys journeys;

    @Autowired
    Realisation realisation;

    @Autowired
    HouseholdOverview overview;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static String reference() {
        return "TEST-" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
    }

    static HouseholdForm household(String reference, LocalDate permit, FirmCriterion... criteria) {
        return new HouseholdForm(reference, "azc Test", AMERSFOORT, permit,
                new Profile("Tigrinya", Profile.Education.SECONDARY, Profile.WorkExperience.SOME, Profile.Limitation.NONE),
                List.of(new Member(Member.AgeBand.A30_44, Member.Sex.F, Member.Role.HEAD),
                        new Member(Member.AgeBand.A5_11, Member.Sex.M, Member.Role.CHILD)),
                List.of(criteria));
    }

    static <T> T as(Role role, Callable<T> work) throws Exception {
        return as(TestUsers.of(role), work);
    }

    static <T> T as(DoorstroomUser user, Callable<T> work) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(TestUsers.signedIn(user));
        try {
            return work.call();
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    @Test
    void aMoveInCountsTowardTheLinkedMunicipalityInTheMonthOfTheMove() throws Exception {
        var today = today();
        // A first move makes sure this month of Utrecht is counted by events (which replace COA's figure).
        long first = linkedToUtrecht(today);
        as(Role.MUNICIPALITY_OFFICER, () -> {
            journeys.placeUnderHar(first, 1, today, "Hotel Test");
            return null;
        });
        long id = linkedToUtrecht(today);
        var housedBefore = realisation.housedByPeriod(today).get(UTRECHT).get(HalfYear.containing(today));

        as(Role.MUNICIPALITY_OFFICER, () -> {
            journeys.offer(id, 1, today.minusDays(5), "Overvecht", 3);
            journeys.moveIn(id, 2, today, null, null);
            return null;
        });

        var housedAfter = realisation.housedByPeriod(today).get(UTRECHT).get(HalfYear.containing(today));
        assertThat(housedAfter).isEqualTo(housedBefore + 2);
        var detail = as(Role.COA_PLANNER, () -> register.read(id)).orElseThrow();
        assertThat(detail.household().stage()).isEqualTo(Stage.HOUSED);
        assertThat(detail.timeline()).extracting(TimelineEntry::kind)
                .containsExactly("REGISTERED", "LINKED", "OFFERED", "MOVED_IN");
        assertThat(realisation.monthlyOf(UTRECHT)).filteredOn(f -> f.month().equals(YearMonth.from(today)))
                .singleElement().satisfies(f -> assertThat(f.persons()).isEqualTo(eventCount(UTRECHT, today)));
    }

    long linkedToUtrecht(LocalDate today) throws Exception {
        long id = as(Role.COA_PLANNER, () -> register.register(household(reference(), today.minusDays(30))));
        as(Role.COA_PLANNER, () -> journeys.link(id, 0, UTRECHT, today.minusDays(20)));
        return id;
    }

    @Test
    void eventsReplaceTheImportedFigureForTheirMonthAndDifferencesAreListed() throws Exception {
        var today = today();
        var code = MunicipalityCode.of("GM0632");
        var month = YearMonth.from(today).minusMonths(1);
        var movedOn = month.atDay(10);
        as(Role.COA_PLANNER, () -> realisation.importFile(new StringReader(
                "municipality,month,persons\nGM0632," + month + ",7\n"), "test: reconciliation"));
        long id = as(Role.COA_PLANNER, () -> register.register(household(reference(), movedOn.minusDays(60))));
        as(Role.COA_PLANNER, () -> {
            journeys.link(id, 0, code, movedOn.minusDays(50));
            journeys.placeUnderHar(id, 1, movedOn, "Hotel De Test");
            return null;
        });

        int counted = realisation.monthlyOf(code).stream().filter(f -> f.month().equals(month)).findFirst().orElseThrow()
                .persons();
        var differences = realisation.reconciliation().stream()
                .filter(r -> r.municipality().equals(code) && r.month().equals(month)).toList();

        assertThat(counted).isEqualTo(eventCount(code, movedOn)).isNotEqualTo(7);
        assertThat(differences).singleElement().satisfies(r -> {
            assertThat(r.imported()).isEqualTo(7);
            assertThat(r.fromEvents()).isEqualTo(counted);
        });
        assertThat(realisation.reconciliationOf(code)).contains(differences.get(0));
        var page = mvc.perform(get("/progress/import").with(authentication(TestUsers.signedIn(Role.COA_PLANNER))))
                .andReturn().getResponse();
        assertThat(page.getContentAsString()).contains("/progress/municipalities/GM0632");
    }

    @Test
    void aLinkOutsideTheRegionNeedsAFirmCriterionWhichIsRecordedAsItsReason() throws Exception {
        var today = today();
        long plain = as(Role.COA_PLANNER, () -> register.register(household(reference(), today.minusDays(5))));
        long working = as(Role.COA_PLANNER, () -> register.register(household(reference(), today.minusDays(5),
                new FirmCriterion(FirmCriterion.Kind.WORK, ROTTERDAM, 24))));

        var refused = catchThrowableOfType(InvalidInput.class,
                () -> as(Role.COA_PLANNER, () -> journeys.link(plain, 0, ROTTERDAM, today)));
        var link = as(Role.COA_PLANNER, () -> journeys.link(working, 0, ROTTERDAM, today));

        assertThat(refused.problems().get(0).messageKey()).isEqualTo("journey.link.outsideRegion");
        assertThat(link.outsideRegion()).isEqualTo("WORK:GM0599:24");
    }

    @Test
    void aSecondActiveLinkIsRefusedAndACancelledLinkStaysInTheHistory() throws Exception {
        var today = today();
        long id = as(Role.COA_PLANNER, () -> register.register(household(reference(), today.minusDays(5))));
        as(Role.COA_PLANNER, () -> journeys.link(id, 0, UTRECHT, today));

        var second = catchThrowableOfType(InvalidInput.class,
                () -> as(Role.COA_PLANNER, () -> journeys.link(id, 1, AMERSFOORT, today)));
        as(Role.COA_PLANNER, () -> {
            journeys.cancelLink(id, 1, "MUNICIPALITY_ERROR", null, today);
            journeys.link(id, 2, AMERSFOORT, today);
            return null;
        });

        assertThat(second.problems().get(0).messageKey()).isEqualTo("journey.link.alreadyLinked");
        var links = as(Role.COA_PLANNER, () -> register.read(id)).orElseThrow().links();
        assertThat(links).extracting(Link::municipality).containsExactly(UTRECHT, AMERSFOORT);
        assertThat(links.get(0).active()).isFalse();
        assertThat(links.get(0).cancelReason()).isEqualTo("MUNICIPALITY_ERROR");
        assertThat(links.get(1).active()).isTrue();
    }

    @Test
    void anEditBasedOnAnOldVersionIsRefused() throws Exception {
        var today = today();
        long id = as(Role.COA_PLANNER, () -> register.register(household(reference(), today.minusDays(5))));
        as(Role.COA_PLANNER, () -> journeys.link(id, 0, UTRECHT, today));

        var stale = catchThrowable(() -> as(Role.MUNICIPALITY_OFFICER, () -> {
            journeys.offer(id, 0, today, "Overvecht", 2);
            return null;
        }));

        assertThat(stale).isInstanceOf(EditConflict.class);
    }

    @Test
    void twoPeopleRecordingAtOnceNeverBothSucceed() throws Exception {
        var today = today();
        long id = linkedToUtrecht(today);
        var threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            Callable<Object> offer = () -> {
                start.await();
                return as(Role.MUNICIPALITY_OFFICER, () -> {
                    journeys.offer(id, 1, today, "Overvecht", 3);
                    return "offered";
                });
            };
            Callable<Object> har = () -> {
                start.await();
                return as(Role.COA_PLANNER, () -> {
                    journeys.placeUnderHar(id, 1, today, "Hotel Test");
                    return "placed";
                });
            };
            var first = threads.submit(offer);
            var second = threads.submit(har);
            start.countDown();
            var outcomes = new java.util.ArrayList<Object>();
            for (var future : List.of(first, second)) {
                try {
                    outcomes.add(future.get(30, java.util.concurrent.TimeUnit.SECONDS));
                }
                catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add(e.getCause().getClass());
                }
            }

            assertThat(outcomes).containsOnlyOnce(EditConflict.class);
            var household = as(Role.COA_PLANNER, () -> register.read(id)).orElseThrow().household();
            assertThat(household.version()).isEqualTo(2);
            assertThat(household.stage()).isEqualTo(outcomes.contains("offered") ? Stage.OFFERED : Stage.HAR);
        }
        finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aChangeOfCriteriaThatTheActiveLinkWouldBreakIsRefused() throws Exception {
        var today = today();
        var reference = reference();
        long id = as(Role.COA_PLANNER, () -> register.register(household(reference, today.minusDays(5))));
        as(Role.COA_PLANNER, () -> journeys.link(id, 0, UTRECHT, today));

        var refused = catchThrowableOfType(InvalidInput.class, () -> as(Role.COA_PLANNER, () -> {
            register.change(id, 1, household(reference, today.minusDays(5),
                    new FirmCriterion(FirmCriterion.Kind.RELATIVE, ROTTERDAM, null)));
            return null;
        }));
        as(Role.COA_PLANNER, () -> {
            register.change(id, 1, household(reference, today.minusDays(5),
                    new FirmCriterion(FirmCriterion.Kind.EDUCATION, UTRECHT, null)));
            return null;
        });

        assertThat(refused.problems()).extracting(p -> p.messageKey()).containsExactly("household.criteria.breakLink");
        assertThat(as(Role.COA_PLANNER, () -> register.read(id)).orElseThrow().household().criteria()).hasSize(1);
    }

    @Test
    void aCorrectedPermitDateMovesTheClockOfAHouseholdAwaitingItsFirstLink() throws Exception {
        var today = today();
        var reference = reference();
        long id = as(Role.COA_PLANNER, () -> register.register(household(reference, today.minusDays(5))));

        as(Role.COA_PLANNER, () -> {
            register.change(id, 0, household(reference, today.minusDays(30)));
            return null;
        });

        var household = as(Role.COA_PLANNER, () -> register.read(id)).orElseThrow().household();
        assertThat(household.version()).isEqualTo(1);
        assertThat(household.journey().stageDue()).isEqualTo(today.minusDays(30 - Norms.LINK_WITHIN_DAYS));
        assertThat(jdbc.sql("SELECT stage_due FROM household WHERE id = :id").param("id", id)
                .query(LocalDate.class).single()).isEqualTo(today.minusDays(16));
        assertThat(household.journey().daysOverdue(today)).isEqualTo(16);
    }

    @Test
    void aMunicipalitySeesOnlyItsOwnHouseholdsAndEveryReadIsAudited() throws Exception {
        var today = today();
        long ours = as(Role.COA_PLANNER, () -> register.register(household(reference(), today.minusDays(5))));
        long theirs = as(Role.COA_PLANNER, () -> register.register(household(reference(), today.minusDays(5))));
        as(Role.COA_PLANNER, () -> {
            journeys.link(ours, 0, UTRECHT, today);
            journeys.link(theirs, 0, AMERSFOORT, today);
            return null;
        });
        var utrecht = TestUsers.of(Role.MUNICIPALITY_OFFICER);
        long auditBefore = jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'household.read' AND subject_id = :id")
                .param("id", String.valueOf(ours)).query(Long.class).single();

        var own = as(utrecht, () -> register.read(ours));
        var other = as(utrecht, () -> register.read(theirs));
        var listed = as(utrecht, () -> register.search(HouseholdFilter.all(), 0, 500));
        var exported = as(utrecht, () -> register.export(HouseholdFilter.all()));
        var recording = catchThrowable(() -> as(utrecht, () -> {
            journeys.offer(theirs, 1, today, "Elders", 2);
            return null;
        }));

        assertThat(own).isPresent();
        assertThat(own.get().household().location()).as("a municipality does not see the reception location").isNull();
        assertThat(other).isEmpty();
        assertThat(listed.rows()).allSatisfy(r -> assertThat(r.municipality()).isEqualTo(UTRECHT));
        assertThat(exported).allSatisfy(r -> assertThat(r.municipality()).isEqualTo(UTRECHT));
        assertThat(recording).isInstanceOf(HouseholdNotFound.class);
        var audited = jdbc.sql("SELECT actor FROM audit_event WHERE action = 'household.read' AND subject_id = :id")
                .param("id", String.valueOf(ours)).query(String.class).list();
        assertThat(audited).hasSize((int) auditBefore + 1).contains(utrecht.username());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'households.exported' AND actor = :a")
                .param("a", utrecht.username()).query(Long.class).single()).isPositive();
    }

    @Test
    void rolesWithoutAccessSeeNoHouseholds() {
        for (var role : List.of(Role.MINISTRY_ANALYST, Role.HOUSING_CORPORATION, Role.ADMINISTRATOR)) {
            var refused = catchThrowable(() -> as(role, () -> register.search(HouseholdFilter.all(), 0, 10)));

            assertThat(refused).as(role.name()).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void aBadFileIsRefusedWholeWithEveryProblemByRowAndColumn() throws Exception {
        var taken = reference();
        as(Role.COA_PLANNER, () -> register.register(household(taken, today().minusDays(5))));
        var good = reference();
        var csv = """
                reference;location;location_municipality;permit_date;members;criteria
                %s;azc Test;GM0307;2026-01-05;30-44/F/HEAD;
                %s;azc Test;GM9999;2026-01-05;30-44/F/HEAD;
                X-%s;azc Test;GM0307;2099-01-05;30-44/F/HEAD;
                Y-%s;azc Test;GM0307;2026-01-05;;
                %s;azc Test;GM0307;2026-01-05;30-44/F/HEAD;
                Z-%s;azc Test;GM0307;2026-01-05;30-44/F/HEAD;WORK:GM0344:4
                """.formatted(good, "B-" + good, good, good, taken, good);

        var refusal = catchThrowableOfType(InvalidInput.class,
                () -> as(Role.COA_PLANNER, () -> register.importFile(new StringReader(csv))));

        assertThat(refusal.problems()).extracting(p -> p.row() + " " + p.field() + " " + p.messageKey())
                .containsExactlyInAnyOrder(
                        "3 location_municipality household.municipality.unknown",
                        "4 permit_date household.permitDate.future",
                        "5 household_members household.members.none",
                        "7 criteria household.criterion.workHours",
                        "6 reference households.reference.exists");
        assertThat(jdbc.sql("SELECT count(*) FROM household WHERE reference = :r").param("r", good)
                .query(Long.class).single()).as("nothing stored").isZero();
    }

    @Test
    void overdueHouseholdsAreCountedByHowFarOverdueAndFoundByTheSameFilter() throws Exception {
        var today = today();
        var start = overview.overdue(nl.doorstroom.shared.ProvinceCode.of("PV26"), today);
        long before = start.total().households(OverdueBand.EIGHT_TO_13_WEEKS);
        long pastBefore = start.total().pastFourteenWeeksHouseholds();
        long id = linkedToUtrecht(today);
        // Linked 130 days ago: 60 days past the 10 weeks for an offer; permit 150 days ago: past 14 weeks.
        long late = as(Role.COA_PLANNER, () -> register.register(household(reference(), today.minusDays(150))));
        as(Role.COA_PLANNER, () -> journeys.link(late, 0, UTRECHT, today.minusDays(130)));

        var after = overview.overdue(nl.doorstroom.shared.ProvinceCode.of("PV26"), today);
        var found = as(Role.COA_PLANNER, () -> register.search(new HouseholdFilter(null, null, null, null, UTRECHT, null,
                HouseholdFilter.Overdue.OVERDUE, OverdueBand.EIGHT_TO_13_WEEKS), 0, 500));
        var past = as(Role.COA_PLANNER, () -> register.search(new HouseholdFilter(null, null, null, null, UTRECHT, null,
                HouseholdFilter.Overdue.PAST_14_WEEKS, null), 0, 500));

        assertThat(after.total().households(OverdueBand.EIGHT_TO_13_WEEKS)).isEqualTo(before + 1);
        assertThat(after.total().pastFourteenWeeksHouseholds()).isEqualTo(pastBefore + 1);
        assertThat(after.rows()).filteredOn(r -> "GM0344".equals(r.area())).singleElement()
                .satisfies(r -> assertThat(r.households(OverdueBand.EIGHT_TO_13_WEEKS)).isPositive());
        assertThat(found.rows()).extracting(HouseholdRow::id).contains(late).doesNotContain(id);
        assertThat(past.rows()).extracting(HouseholdRow::id).contains(late).doesNotContain(id);
    }

    @Test
    void theFunnelAndTheWeeklyFlowCountEveryStepOnce() throws Exception {
        var today = today();
        var area = HouseholdOverview.Area.of(MunicipalityCode.of("GM0310"));
        var funnelBefore = overview.funnel(area, null);
        var flowBefore = overview.weeklyFlow(area, 4, today);
        long id = as(Role.COA_PLANNER, () -> register.register(household(reference(), today.minusDays(30))));
        as(Role.COA_PLANNER, () -> {
            journeys.link(id, 0, MunicipalityCode.of("GM0310"), today.minusDays(20));
            journeys.offer(id, 1, today.minusDays(10), "Centrum", 2);
            journeys.moveIn(id, 2, today, null, null);
            return null;
        });

        var funnel = overview.funnel(area, null);
        var flow = overview.weeklyFlow(area, 4, today);

        assertThat(funnel.linked().households()).isEqualTo(funnelBefore.linked().households() + 1);
        assertThat(funnel.offered().persons()).isEqualTo(funnelBefore.offered().persons() + 2);
        assertThat(funnel.housed().households()).isEqualTo(funnelBefore.housed().households() + 1);
        assertThat(overview.funnel(HouseholdOverview.Area.nation(), null).medianDaysToMove()).isNotNull();
        assertThat(flow.households().get("MOVED_IN").get(3)).isEqualTo(flowBefore.households().get("MOVED_IN").get(3) + 1);
        assertThat(flow.households()).doesNotContainKey("REGISTERED");
    }

    int eventCount(MunicipalityCode code, LocalDate day) {
        return jdbc.sql("SELECT persons FROM housing_event_month WHERE municipality_code = :c AND month = :m")
                .param("c", code.value()).param("m", day.withDayOfMonth(1)).query(Integer.class).single();
    }
}
