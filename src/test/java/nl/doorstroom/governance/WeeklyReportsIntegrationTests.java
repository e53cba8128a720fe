package nl.doorstroom.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Locale;

import nl.doorstroom.ApiClient;
import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AccountAdministration;
import nl.doorstroom.identity.ApiTokens;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.Role;
import nl.doorstroom.municipalities.NationalMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The weekly report on the real database with the demo data: the numbers in the PDF's text are those the
 * other modules' API endpoints give for the same date, a report made twice over the same data has the same
 * figures, the schedule makes one report on Fridays only, and every download is audited.
 */
@IntegrationTest
class WeeklyReportsIntegrationTests {

    static final LocalDate TODAY = LocalDate.now(AuditTrail.ZONE);
    static final Locale DUTCH = Locale.forLanguageTag("nl");

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiTokens tokens;
    @Autowired
    AccountAdministration accounts;
    @Autowired
    WeeklyReports reports;
    @Autowired
    WeeklyReportSchedule schedule;
    @Autowired
    StoredWeeklyReports stored;
    @Autowired
    AuditTrail audit;
    @Autowired
    NationalMap nationalMap;

    ApiClient api;
    String coordinator;

    @BeforeEach
    void tokens() {
        api = new ApiClient(mvc, tokens, accounts);
        coordinator = api.token("coordinator");
    }

    static String text(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    static String dutch(long number) {
        return NumberFormat.getIntegerInstance(DUTCH).format(number);
    }

    static String dutch(JsonNode number) {
        return dutch(number.asLong());
    }

    static String day(LocalDate date) {
        return date.getDayOfMonth() + "-" + date.getMonthValue() + "-" + date.getYear();
    }

    JsonNode make(LocalDate date, String language) throws Exception {
        var response = api.send(post("/api/v1/weekly-reports"), coordinator,
                "{\"referenceDate\":\"" + date + "\",\"language\":\"" + language + "\"}");
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(202);
        var location = response.getHeader("Location");
        assertThat(location).startsWith("/api/v1/governance-jobs/");
        var job = waitForJob(location);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.get("done").asInt()).isEqualTo(job.get("total").asInt());
        return api.json(api.ok(job.get("result").asString(), coordinator));
    }

    /** Polls a job as a client would until it finishes (a report takes seconds; a minute means it hangs). */
    JsonNode waitForJob(String location) throws Exception {
        long until = System.currentTimeMillis() + 120_000;
        while (true) {
            var job = api.json(api.ok(location, coordinator));
            var status = job.get("status").asString();
            if (!status.equals("QUEUED") && !status.equals("RUNNING") || System.currentTimeMillis() > until) {
                return job;
            }
            Thread.sleep(200);
        }
    }

    byte[] pdf(long id) throws Exception {
        var response = api.ok("/api/v1/weekly-reports/" + id + "/pdf", coordinator);
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        return response.getContentAsByteArray();
    }

    @Test
    void thePdfShowsTheFiguresTheApiGivesForTheSameDate() throws Exception {
        var made = make(TODAY, "nl");
        var text = text(pdf(made.get("id").asLong()));

        var periods = api.json(api.ok("/api/v1/progress?date=" + TODAY, coordinator)).get("periods");
        var nation = periods.get(periods.size() - 1);
        assertThat(text).contains("Gecorrigeerde taakstelling " + dutch(nation.get("correctedQuota")));
        assertThat(text).contains("Gehuisvest " + dutch(nation.get("housed")));
        assertThat(text).contains("Nog te huisvesten dit halfjaar " + dutch(nation.get("remaining")));
        assertThat(text).contains("halfjaar " + nation.get("period").asString());

        var dashboard = api.json(api.ok("/api/v1/supervision-dashboard?date=" + TODAY, coordinator));
        assertThat(text).contains(dashboard.get("open").asInt() + " open zaken, waarvan "
                + dashboard.get("overdue").asInt() + " over de termijn");
        for (var step : dashboard.get("steps")) {
            assertThat(text).contains(step.get("label").asString() + " " + step.get("open").asInt() + " "
                    + step.get("overdue").asInt());
        }
        int overdueCases = api.json(api.ok("/api/v1/escalation-overdue?date=" + TODAY, coordinator)).size();
        assertThat(dashboard.get("overdue").asInt()).isEqualTo(overdueCases);

        var week = WeeklyReportComposer.lastCompleteWeek(TODAY);
        var weeks = api.json(api.ok("/api/v1/reception-occupancy?from=" + week + "&to=" + week.plusDays(6),
                api.token("coa"))).get("weeks");
        var last = weeks.get(weeks.size() - 1);
        var norm = api.json(api.ok("/api/v1/reception-norms", coordinator)).get("current").get("norm");
        assertThat(text).contains("In de week van " + day(week) + " verbleven in het aanmeldcentrum "
                + dutch(last.get("centralRegistration")) + " personen (norm " + dutch(norm) + "); in de voorportalen wachtten "
                + dutch(last.get("preRegistrationWaiting")) + " personen");
        assertThat(text).contains("Vergunninghouders in de opvang (COA, week van " + day(week) + ") "
                + dutch(last.get("permitHolders")));

        var overdue = api.json(api.ok("/api/v1/household-overdue-counts", api.token("coa")));
        assertThat(text).contains("Langer dan 14 weken na de vergunning nog niet gehuisvest, personen "
                + dutch(overdue.get("area").get("pastFourteenWeeksPersons")));

        var callList = api.json(api.ok("/api/v1/call-list?date=" + TODAY, coordinator)).get("municipalities");
        var lagging = made.get("figures").get("lagging");
        assertThat(lagging).hasSize(Math.min(10, callList.size()));
        for (int i = 0; i < lagging.size(); i++) {
            assertThat(lagging.get(i).get("code").asString()).isEqualTo(callList.get(i).get("municipality").asString());
            assertThat(text).contains(callList.get(i).get("name").asString());
        }
        assertThat(made.get("synthetic").asBoolean()).isTrue();
        assertThat(text).contains("synthetische demonstratiegegevens");
    }

    @Test
    void aReportMadeTwiceForTheSameDateOverTheSameDataHasTheSameFigures() throws Exception {
        var date = TODAY.minusDays(9);

        var first = make(date, "nl");
        var second = make(date, "en");

        assertThat(second.get("id").asLong()).isNotEqualTo(first.get("id").asLong());
        assertThat(second.get("figures")).isEqualTo(first.get("figures"));
        var kept = api.json(api.ok("/api/v1/weekly-reports/" + first.get("id").asLong(), coordinator));
        assertThat(kept.get("figures")).isEqualTo(first.get("figures"));
        assertThat(kept.get("referenceDate").asString()).isEqualTo(date.toString());
    }

    @Test
    void theEnglishPdfIsInEnglish() throws Exception {
        var made = make(TODAY.minusDays(1), "en");

        var text = text(pdf(made.get("id").asLong()));

        assertThat(made.get("language").asString()).isEqualTo("en");
        assertThat(text).contains("Weekly report of the National Coordination Table for Migration")
                .contains("Corrected quota").contains("Ter Apel against the norm").contains("Supervision: cases per step")
                .doesNotContain("Gecorrigeerde taakstelling").doesNotContain("Toezeggingen");
    }

    @Test
    void theScheduleMakesOneReportOnFridayAndNoneOnThursday() {
        var friday = ZonedDateTime.of(2026, 12, 4, 7, 0, 0, 0, AuditTrail.ZONE);
        var thursday = friday.minusDays(1);

        var onThursday = schedule.runAt(Clock.fixed(thursday.toInstant(), AuditTrail.ZONE));
        var onFriday = schedule.runAt(Clock.fixed(friday.toInstant(), AuditTrail.ZONE));
        var again = schedule.runAt(Clock.fixed(friday.plusMinutes(5).toInstant(), AuditTrail.ZONE));

        assertThat(onThursday).isEmpty();
        assertThat(onFriday).hasValueSatisfying(r -> {
            assertThat(r.referenceDate()).isEqualTo(LocalDate.of(2026, 12, 4));
            assertThat(r.kind()).isEqualTo(WeeklyReport.Kind.SCHEDULED);
            assertThat(r.generatedBy()).isEqualTo(WeeklyReport.SCHEDULE);
            assertThat(r.locale().getLanguage()).isEqualTo("nl");
        });
        assertThat(again).isEmpty();
        assertThat(stored.scheduledExists(LocalDate.of(2026, 12, 3))).isFalse();
        // A second node that passed the existence check at the same moment is stopped by the database.
        assertThatThrownBy(() -> stored.add(LocalDate.of(2026, 12, 4), DUTCH, WeeklyReport.Kind.SCHEDULED,
                WeeklyReport.SCHEDULE, true, "{}", new byte[] { 1 }, 1)).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aDownloadIsAuditedAndServedAsPdf() throws Exception {
        long id = make(TODAY.minusDays(2), "nl").get("id").asLong();

        var response = mvc.perform(get("/governance/reports/" + id + "/pdf")
                .with(authentication(TestUsers.signedIn(Role.PROVINCE_SUPERVISOR)))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(response.getContentAsByteArray()).startsWith("%PDF".getBytes());
        var events = audit.search(new AuditTrail.AuditQuery("test-province_supervisor", "governance.report.downloaded",
                "weekly-report", TODAY, TODAY), 0, 50).events();
        assertThat(events).anyMatch(e -> String.valueOf(id).equals(e.subjectId()));
    }

    @Test
    void theListAndTheReportPageShowTheKeptReport() throws Exception {
        long id = make(TODAY.minusDays(3), "nl").get("id").asLong();

        var list = mvc.perform(get("/governance/reports").with(authentication(TestUsers.signedIn(Role.MINISTRY_ANALYST))))
                .andReturn().getResponse();
        var page = mvc.perform(get("/governance/reports/" + id)
                .with(authentication(TestUsers.signedIn(Role.MINISTRY_ANALYST)))).andReturn().getResponse();

        assertThat(list.getStatus()).isEqualTo(200);
        assertThat(list.getContentAsString()).contains("/governance/reports/" + id + "/pdf");
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("Gecorrigeerde taakstelling").contains("Toezicht: zaken per stap");
    }

    @Test
    void badRequestsAreProblemsNamingTheField() throws Exception {
        var future = api.send(post("/api/v1/weekly-reports"), coordinator,
                "{\"referenceDate\":\"" + TODAY.plusDays(1) + "\"}");
        var language = api.send(post("/api/v1/weekly-reports"), coordinator,
                "{\"referenceDate\":\"" + TODAY + "\",\"language\":\"fr\"}");
        var missing = api.fetch("/api/v1/weekly-reports/999999", coordinator);

        api.problem(future, 400);
        assertThat(api.names(future)).containsExactly("referenceDate");
        api.problem(language, 400);
        assertThat(api.names(language)).containsExactly("language");
        api.problem(missing, 404);
        assertThat(api.send(post("/api/v1/weekly-reports"), api.token("municipality-utrecht"),
                "{\"referenceDate\":\"" + TODAY + "\"}").getStatus()).isEqualTo(403);
        assertThatThrownBy(() -> TestUsers.as(Role.HOUSING_CORPORATION, () -> reports.latest()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void everyOutlineOfTheNationalMapIsReadIntoAShape() {
        var view = nationalMap.choropleth(java.util.Map.of(), v -> "");

        assertThat(view.areas()).hasSizeGreaterThan(300);
        assertThat(view.areas()).allSatisfy(a -> assertThat(ReportMapPaths.read(a.path()).getBounds2D().getWidth())
                .isPositive());
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
}
