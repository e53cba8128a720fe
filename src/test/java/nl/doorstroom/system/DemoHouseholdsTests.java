package nl.doorstroom.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.permitholders.HouseholdOverview;
import nl.doorstroom.permitholders.HouseholdOverview.Area;
import nl.doorstroom.permitholders.Norms;
import nl.doorstroom.progress.Realisation;
import nl.doorstroom.shared.ProvinceCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's permit holders as loaded: the situation of late 2023 in reception and under the HAR, and
 * housed households that reproduce the demo's imported realisation figures. Other tests in the shared
 * context add households and figures of their own; these checks look at the demo's (references
 * {@code DEMO-}) and leave out the municipality-months other tests touched.
 */
@IntegrationTest
class DemoHouseholdsTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Realisation realisation;

    @Autowired
    DemoHouseholds demo;

    @Autowired
    HouseholdOverview overview;

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    long demoSum(String select, String where) {
        return jdbc.sql("SELECT " + select + " FROM household WHERE reference LIKE 'DEMO-%' AND " + where)
                .param("today", today()).param("cutoff", today().minusDays(Norms.TOTAL_DAYS))
                .query(Long.class).single();
    }

    @Test
    void about16000PersonsAreInReceptionOfWhomAbout10000PastTheFourteenWeekNorm() {
        long inReception = demoSum("coalesce(sum(persons), 0)", "stage IN ('AWAITING_LINK', 'LINKED', 'OFFERED')");
        long pastNorm = demoSum("coalesce(sum(persons), 0)",
                "stage IN ('AWAITING_LINK', 'LINKED', 'OFFERED') AND permit_date < :cutoff");
        long singles = demoSum("count(*)", "stage IN ('AWAITING_LINK', 'LINKED', 'OFFERED') AND persons = 1");
        long households = demoSum("count(*)", "stage IN ('AWAITING_LINK', 'LINKED', 'OFFERED')");

        assertThat(inReception).isBetween(14_000L, 18_000L);
        assertThat(pastNorm).isBetween(8_500L, 11_500L);
        assertThat(singles * 100 / households).as("percentage of singles").isBetween(40L, 60L);
        assertThat(demoSum("max(persons)", "TRUE")).isEqualTo(8);
    }

    @Test
    void householdsInReceptionAreInEveryStageBeforeAHomeSomeOverdue() {
        for (var stage : List.of("AWAITING_LINK", "LINKED", "OFFERED")) {
            assertThat(demoSum("count(*)", "stage = '" + stage + "'")).as(stage).isPositive();
            assertThat(demoSum("count(*)", "stage = '" + stage + "' AND stage_due < :today")).as(stage + " overdue")
                    .isPositive();
        }
        assertThat(demoSum("count(*)", "stage = 'LINKED' AND stage_due < :today") * 2)
                .as("many linked households are past the 10 weeks for an offer")
                .isGreaterThan(demoSum("count(*)", "stage = 'LINKED'"));
        assertThat(demoSum("count(DISTINCT location)", "TRUE")).isBetween(50L, 70L);
        assertThat(demoSum("count(DISTINCT region)", "TRUE")).isEqualTo(5);
    }

    @Test
    void harPlacementsRunInAbout170MunicipalitiesSomeEndingSoonAFewOverTerm() {
        long municipalities = demoSum("count(DISTINCT municipality_code)", "stage = 'HAR'");
        long persons = demoSum("coalesce(sum(persons), 0)", "stage = 'HAR'");
        long endingSoon = demoSum("count(*)", "stage = 'HAR' AND har_since <= CAST(:today AS DATE) - INTERVAL '5 months'"
                + " AND stage_due >= :today");
        long overTerm = demoSum("count(*)", "stage = 'HAR' AND stage_due < :today");

        assertThat(municipalities).isBetween(150L, 190L);
        assertThat(persons).isBetween(1_100L, 1_600L);
        assertThat(endingSoon).isPositive();
        assertThat(overTerm).isBetween(1L, 10L);
    }

    @Test
    void linksStayInTheLinkingRegionUnlessAFirmCriterionTookThemOutWhichIsRecorded() {
        long outside = jdbc.sql("""
                SELECT count(*) FROM household_link l JOIN household h ON h.id = l.household_id
                WHERE h.reference LIKE 'DEMO-%' AND l.outside_region IS NOT NULL""").query(Long.class).single();
        long withoutReason = jdbc.sql("""
                SELECT count(*) FROM household_link l JOIN household h ON h.id = l.household_id
                WHERE h.reference LIKE 'DEMO-%' AND l.outside_region IS NULL
                  AND EXISTS (SELECT 1 FROM household_criterion c WHERE c.household_id = h.id)
                  AND l.status = 'ACTIVE'
                  AND NOT EXISTS (SELECT 1 FROM household_criterion c WHERE c.household_id = h.id
                                  AND (c.municipality_code = l.municipality_code OR c.kind = 'MEDICAL'))""")
                .query(Long.class).single();
        long cancelled = jdbc.sql("""
                SELECT count(*) FROM household_link l JOIN household h ON h.id = l.household_id
                WHERE h.reference LIKE 'DEMO-%' AND l.status = 'CANCELLED'""").query(Long.class).single();

        assertThat(outside).isPositive();
        assertThat(withoutReason).as("links that ignore a firm criterion").isZero();
        assertThat(cancelled).isBetween(1L, 10L);
        for (var kind : List.of("RELATIVE", "WORK", "EDUCATION", "MEDICAL")) {
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM household_criterion c JOIN household h ON h.id = c.household_id
                    WHERE h.reference LIKE 'DEMO-%' AND c.kind = :kind""").param("kind", kind).query(Long.class).single())
                    .as(kind).isPositive();
        }
    }

    @Test
    void stepsFollowEachOtherAndNoneLiesInTheFuture() {
        assertThat(demoSum("count(*)", """
                linked_on < permit_date OR offered_on < linked_on OR har_since < linked_on
                OR moved_on < coalesce(offered_on, har_since) OR greatest(permit_date, linked_on, offered_on, har_since,
                moved_on) > :today""")).isZero();
        assertThat(demoSum("count(*)", "reference !~ '^DEMO-[0-9]{6}$'")).isZero();
    }

    /**
     * For every municipality and month the demo housed households in, the persons housed equal the
     * imported demo figure, apart from the few left one household short on purpose; so the demo's
     * progress figures are the imported ones and the reconciliation list shows just those.
     */
    @Test
    void housedHouseholdsReproduceTheImportedFiguresExceptAFewDeliberateDifferences() {
        record Month(String municipality, LocalDate month, int imported, int fromEvents, int households) {
        }
        // Municipality-months only the demo has touched: no figure imported by another test, no household of another test.
        var months = jdbc.sql("""
                SELECT e.municipality_code, e.month, m.persons, e.persons, e.households
                FROM housing_event_month e
                JOIN realisation_month m ON m.municipality_code = e.municipality_code AND m.month = e.month
                JOIN realisation_import i ON i.id = m.import_id
                WHERE i.source = 'DEMO'
                  AND NOT EXISTS (SELECT 1 FROM household h WHERE h.reference NOT LIKE 'DEMO-%'
                                  AND h.municipality_code = e.municipality_code
                                  AND date_trunc('month', h.counted_on) = e.month)""")
                .query((rs, n) -> new Month(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5)))
                .list();
        var differing = months.stream().filter(m -> m.imported() != m.fromEvents()).toList();
        var current = YearMonth.from(today());
        long uncounted = jdbc.sql("""
                SELECT count(*) FROM realisation_month m JOIN realisation_import i ON i.id = m.import_id
                WHERE i.source = 'DEMO' AND m.persons > 0 AND m.month >= :from
                  AND NOT EXISTS (SELECT 1 FROM housing_event_month e
                                  WHERE e.municipality_code = m.municipality_code AND e.month = m.month)""")
                .param("from", current.minusMonths(DemoHouseholdMix.MONTHS_BACK).atDay(1)).query(Long.class).single();
        var listed = realisation.reconciliation();

        assertThat(uncounted).as("demo figures of the last six months without housed households").isZero();
        assertThat(months).hasSizeGreaterThan(1_000);
        assertThat(differing).hasSizeBetween(1, 10).allSatisfy(m -> {
            assertThat(m.fromEvents()).isLessThan(m.imported());
            assertThat(m.imported() - m.fromEvents()).as("one household left out").isBetween(1, 8);
        });
        assertThat(listed).hasSizeGreaterThanOrEqualTo(differing.size());
        for (var d : differing) {
            assertThat(listed).anySatisfy(r -> {
                assertThat(r.municipality().value()).isEqualTo(d.municipality());
                assertThat(r.month()).isEqualTo(YearMonth.from(d.month()));
            });
        }
    }

    /** The overview's counts over the whole register (the demo's households and any other test's). */
    @Test
    void theOverviewCountsTheDemoByAreaFunnelAndWeek() {
        var today = today();
        var utrecht = ProvinceCode.of("PV26");

        var national = overview.overdue(null, today);
        var province = overview.overdue(utrecht, today);
        var funnel = overview.funnel(Area.nation(), null);
        var recentPermits = overview.funnel(Area.of(utrecht), today.minusYears(1));
        var flow = overview.weeklyFlow(Area.nation(), 26, today);

        long all = jdbc.sql("SELECT count(*) FROM household").query(Long.class).single();
        long pastNorm = jdbc.sql("SELECT coalesce(sum(persons), 0) FROM household WHERE counted_on IS NULL"
                + " AND permit_date < :cutoff").param("cutoff", today.minusDays(Norms.TOTAL_DAYS)).query(Long.class).single();
        assertThat(national.total().pastFourteenWeeksPersons()).isEqualTo(pastNorm);
        assertThat(national.total().overdueHouseholds()).isEqualTo(
                jdbc.sql("SELECT count(*) FROM household WHERE stage_due < :today").param("today", today)
                        .query(Long.class).single());
        assertThat(national.rows()).hasSize(13); // 12 provinces and the households awaiting a link
        assertThat(province.total().overdueHouseholds()).isPositive().isLessThan(national.total().overdueHouseholds());
        assertThat(funnel.registered().households()).isEqualTo(all);
        assertThat(funnel.har().persons()).isGreaterThanOrEqualTo(demoSum("sum(persons)", "stage = 'HAR'"));
        assertThat(funnel.medianDaysToLink()).isNotNull();
        assertThat(recentPermits.linked().households()).isPositive().isLessThan(funnel.linked().households());
        assertThat(flow.weeks()).hasSize(26);
        assertThat(flow.households().get("MOVED_IN").stream().mapToLong(Long::longValue).sum()).isPositive();
    }

    @Test
    void loadsOnlyOnce() {
        long before = demoSum("count(*)", "TRUE");

        demo.run(null);

        assertThat(demoSum("count(*)", "TRUE")).isEqualTo(before);
    }
}
