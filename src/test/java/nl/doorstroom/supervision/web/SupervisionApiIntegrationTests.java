package nl.doorstroom.supervision.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.List;

import nl.doorstroom.ApiClient;
import nl.doorstroom.IntegrationTest;
import nl.doorstroom.identity.AccountAdministration;
import nl.doorstroom.identity.AccountAdministration.AccountForm;
import nl.doorstroom.identity.ApiTokens;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.Scope;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * Supervision through the API with tokens: cases of Utrecht's municipalities that no other test uses (Lopik,
 * Montfoort, Renswoude), read by their own officer and refused to another municipality's and another province's.
 * Dates are fixed in the past (future dates are refused): a step on 2026-10-01 with the default 14-day term of a
 * signal is due on 2026-10-15.
 */
@IntegrationTest
class SupervisionApiIntegrationTests {

    static final String LOPIK = "GM0331";
    static final String MONTFOORT = "GM0335";
    static final String RENSWOUDE = "GM0339";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AccountAdministration accounts;

    ApiClient api;

    String utrechtProvince;
    String otherProvince;
    String lopik;
    String utrecht;
    String analyst;
    String admin;

    @BeforeEach
    void issueTokens() {
        api = new ApiClient(mvc, tokens, accounts);
        account("supervision-api-pv27", Role.PROVINCE_SUPERVISOR, Scope.province(ProvinceCode.of("PV27")));
        account("supervision-api-lopik", Role.MUNICIPALITY_OFFICER, Scope.municipality(MunicipalityCode.of(LOPIK)));
        utrechtProvince = api.token("province-utrecht");
        otherProvince = api.token("supervision-api-pv27");
        lopik = api.token("supervision-api-lopik");
        utrecht = api.token("municipality-utrecht");
        analyst = api.token("analyst");
        admin = api.token("admin");
    }

    private void account(String username, Role role, Scope scope) {
        if (!accounts.exists(username)) {
            accounts.create(new AccountForm(username, "Test " + username, role, scope, true), "a long enough password");
        }
    }

    /** Cases are unique per municipality while open: close what a test left open. */
    @AfterEach
    void closeOpenCases() throws Exception {
        for (var code : List.of(LOPIK, MONTFOORT)) {
            for (var c : api.json(api.ok("/api/v1/escalation-cases?municipality=" + code, admin))) {
                var closed = api.send(post("/api/v1/escalation-cases/" + c.get("id").asLong() + "/closure"), admin,
                        """
                        {"version": %d, "closure": "WITHDRAWN", "closedOn": "2026-11-20", "note": "Einde van de test"}"""
                                .formatted(c.get("version").asInt()));
                assertThat(closed.getStatus()).as(closed.getContentAsString()).isEqualTo(200);
            }
        }
    }

    @Test
    void aCaseIsOpenedMovedStepByStepAndReadOnlyWithinScope() throws Exception {
        var opened = api.send(post("/api/v1/escalation-cases"), utrechtProvince, """
                {"municipality": "GM0331", "openedOn": "2026-10-01", "reason": "Drie halfjaren op rij achter",
                 "decisionMaker": "Gedeputeerde Staten"}""");

        assertThat(opened.getStatus()).as(opened.getContentAsString()).isEqualTo(201);
        var created = api.json(opened);
        long id = created.get("id").asLong();
        assertThat(opened.getHeader("Location")).isEqualTo("/api/v1/escalation-cases/" + id);
        assertThat(created.get("currentStep").asString()).isEqualTo("SIGNAL");
        assertThat(created.get("steps").get(0).get("dueOn").asString()).isEqualTo("2026-10-15");
        assertThat(created.get("version").asInt()).isZero();

        var jump = api.send(post("/api/v1/escalation-cases/" + id + "/steps"), utrechtProvince, """
                {"version": 0, "stepKey": "WARNING", "stepOn": "2026-10-20", "decisionMaker": "Gedeputeerde Staten"}""");
        var moved = api.send(post("/api/v1/escalation-cases/" + id + "/steps"), utrechtProvince, """
                {"version": 0, "stepKey": "OFFICIAL_TALKS", "stepOn": "2026-10-20", "decisionMaker": "Gedeputeerde Staten",
                 "notes": "Gesprek met de wethouder"}""");
        var stale = api.send(post("/api/v1/escalation-cases/" + id + "/steps"), utrechtProvince, """
                {"version": 0, "stepKey": "ADMINISTRATIVE_TALKS", "stepOn": "2026-10-25",
                 "decisionMaker": "Gedeputeerde Staten"}""");

        api.problem(jump, 400);
        assertThat(api.names(jump)).containsExactly("justification");
        assertThat(moved.getStatus()).as(moved.getContentAsString()).isEqualTo(200);
        var afterMove = api.json(moved);
        assertThat(afterMove.get("currentStep").asString()).isEqualTo("OFFICIAL_TALKS");
        assertThat(afterMove.get("version").asInt()).isEqualTo(1);
        assertThat(afterMove.get("steps").get(0).get("daysOverdue").asLong())
                .as("the signal ended on 2026-10-20, five days after its term").isEqualTo(5);
        assertThat(afterMove.get("steps").get(1).get("dueOn").asString()).isEqualTo("2026-11-17");
        api.problem(stale, 409);
        assertThat(api.json(stale).get("current").get("version").asInt()).isEqualTo(1);
        assertThat(api.json(stale).get("current").get("currentStep").asString()).isEqualTo("OFFICIAL_TALKS");

        assertThat(api.json(api.ok("/api/v1/escalation-cases/" + id, lopik)).get("municipality").asString())
                .isEqualTo(LOPIK);
        api.problem(api.fetch("/api/v1/escalation-cases/" + id, utrecht), 403);
        api.problem(api.fetch("/api/v1/escalation-cases/" + id, otherProvince), 403);
        api.problem(api.fetch("/api/v1/escalation-cases?province=PV26", otherProvince), 403);
        api.problem(api.send(post("/api/v1/escalation-cases/" + id + "/steps"), otherProvince, """
                {"version": 1, "stepKey": "ADMINISTRATIVE_TALKS", "stepOn": "2026-10-25",
                 "decisionMaker": "Gedeputeerde Staten"}"""), 403);
        assertThat(ids(api.json(api.ok("/api/v1/escalation-cases?province=PV26", utrechtProvince)))).contains(id);
        assertThat(ids(api.json(api.ok("/api/v1/escalation-cases", utrecht)))).doesNotContain(id);
    }

    @Test
    void theOverdueListShowsACaseTheDayAfterItsTermWithItsDaysOverdue() throws Exception {
        var opened = api.send(post("/api/v1/escalation-cases"), utrechtProvince, """
                {"municipality": "GM0335", "openedOn": "2026-10-01", "reason": "Achter op de taakstelling",
                 "decisionMaker": "Gedeputeerde Staten"}""");
        long id = api.json(opened).get("id").asLong();

        var onDueDate = api.json(api.ok("/api/v1/escalation-overdue?date=2026-10-15&province=PV26", utrechtProvince));
        var after = api.json(api.ok("/api/v1/escalation-overdue?date=2026-10-18&province=PV26", utrechtProvince));
        var otherProvinces = api.json(api.ok("/api/v1/escalation-overdue?date=2026-10-18", otherProvince));

        assertThat(opened.getStatus()).as(opened.getContentAsString()).isEqualTo(201);
        assertThat(ids(onDueDate)).doesNotContain(id);
        var listed = find(after, id);
        assertThat(listed.get("daysOverdue").asLong()).isEqualTo(3);
        assertThat(listed.get("dueOn").asString()).isEqualTo("2026-10-15");
        assertThat(listed.get("currentKind").asString()).isEqualTo("SIGNAL");
        for (int i = 1; i < after.size(); i++) {
            assertThat(after.get(i).get("daysOverdue").asLong()).as("longest overdue first")
                    .isLessThanOrEqualTo(after.get(i - 1).get("daysOverdue").asLong());
        }
        assertThat(ids(otherProvinces)).doesNotContain(id);
        var dashboard = api.json(api.ok("/api/v1/supervision-dashboard?province=PV26&date=2026-10-18", utrechtProvince));
        assertThat(dashboard.get("overdue").asInt()).isPositive();
        assertThat(dashboard.get("steps").get(0).get("key").asString()).isEqualTo("SIGNAL");
        assertThat(dashboard.get("stall").get("overdue").asInt()).isPositive();
    }

    @Test
    void aCaseRecordsItsCourseCostsAndTheMinistersRequestAndClosesOnlyOnARecordedCommitment() throws Exception {
        long id = api.json(api.send(post("/api/v1/escalation-cases"), utrechtProvince, """
                {"municipality": "GM0331", "openedOn": "2026-09-01", "reason": "Vier halfjaren op rij gemist",
                 "decisionMaker": "Gedeputeerde Staten"}""")).get("id").asLong();

        var course = api.send(post("/api/v1/escalation-cases/" + id + "/course-of-action"), utrechtProvince, """
                {"kind": "EXTRA_PLACES", "description": "Twintig plaatsen in een hotel", "places": 20,
                 "dueOn": "2026-12-31", "agreedOn": "2026-09-15"}""");
        var beforeDecision = api.send(post("/api/v1/escalation-cases/" + id + "/costs"), utrechtProvince, """
                {"incurredOn": "2026-09-16", "description": "Extern advies", "amount": 12500.50}""");
        var decision = api.send(post("/api/v1/escalation-cases/" + id + "/steps"), utrechtProvince, """
                {"version": 0, "stepKey": "SUBSTITUTION_DECISION", "stepOn": "2026-09-20", "decisionMaker": "GS",
                 "justification": "Geen medewerking na vier halfjaren", "deadline": "2026-12-31"}""");
        var cost = api.send(post("/api/v1/escalation-cases/" + id + "/costs"), utrechtProvince, """
                {"incurredOn": "2026-10-01", "description": "Extern advies", "amount": 12500.50}""");
        var request = api.send(post("/api/v1/escalation-cases/" + id + "/minister-requests"), analyst, """
                {"requestedOn": "2026-10-05", "reference": "BZK-2026-123"}""");
        var noDocument = api.fetch("/api/v1/escalation-cases/" + id + "/documents/999999", utrechtProvince);
        var withoutText = api.send(post("/api/v1/escalation-cases/" + id + "/closure"), utrechtProvince, """
                {"version": 1, "closure": "COMMITTED", "closedOn": "2026-11-02", "commitmentOn": "2026-11-01"}""");
        var inEnglish = api.send(post("/api/v1/escalation-cases/" + id + "/closure").header("Accept-Language", "en"),
                utrechtProvince, """
                {"version": 1, "closure": "COMMITTED", "closedOn": "2026-11-02", "commitmentOn": "2026-11-01"}""");
        var closed = api.send(post("/api/v1/escalation-cases/" + id + "/closure"), utrechtProvince, """
                {"version": 1, "closure": "COMMITTED", "closedOn": "2026-11-02", "commitmentOn": "2026-11-01",
                 "commitmentText": "Twintig extra plaatsen voor 1 januari", "commitmentPlaces": 20,
                 "commitmentBy": "College van B en W"}""");

        assertThat(course.getStatus()).as(course.getContentAsString()).isEqualTo(200);
        api.problem(beforeDecision, 400);
        assertThat(api.names(beforeDecision)).containsExactly("amount");
        assertThat(decision.getStatus()).as(decision.getContentAsString()).isEqualTo(200);
        assertThat(cost.getStatus()).as(cost.getContentAsString()).isEqualTo(200);
        assertThat(request.getStatus()).as(request.getContentAsString()).isEqualTo(200);
        var recorded = api.json(request);
        assertThat(recorded.get("courseOfAction").get(0).get("places").asInt()).isEqualTo(20);
        assertThat(recorded.get("totalCost").decimalValue()).isEqualByComparingTo("12500.50");
        assertThat(recorded.get("ministerRequests").get(0).get("reference").asString()).isEqualTo("BZK-2026-123");
        api.problem(noDocument, 404);
        api.problem(withoutText, 400);
        assertThat(api.names(withoutText)).containsExactly("commitmentText");
        api.problem(inEnglish, 400);
        assertThat(api.json(inEnglish).get("title").asString()).isEqualTo("Invalid input");
        assertThat(api.json(inEnglish).get("invalidParams").get(0).get("reason").asString())
                .isEqualTo("Fill in this field.");
        assertThat(closed.getStatus()).as(closed.getContentAsString()).isEqualTo(200);
        var done = api.json(closed);
        assertThat(done.get("status").asString()).isEqualTo("CLOSED");
        assertThat(done.get("commitment").get("text").asString()).isEqualTo("Twintig extra plaatsen voor 1 januari");
        assertThat(done.get("daysOverdue").asLong()).isZero();
        api.problem(api.send(post("/api/v1/escalation-cases/" + id + "/costs"), utrecht, "{}"), 403);
    }

    @Test
    void aLadderInTheWrongOrderIsRefusedRowByRowAndAStaleChangeGets409() throws Exception {
        var wrong = api.send(put("/api/v1/escalation-ladders/PV26").header("Accept-Language", "en"), utrechtProvince, """
                {"version": -1, "steps": [{"kind": "WARNING", "termDays": 28}, {"kind": "SIGNAL", "termDays": 14},
                 {"kind": "OTHER", "termDays": 0}]}""");
        var otherProvinces = api.send(put("/api/v1/escalation-ladders/PV26"), otherProvince, """
                {"version": -1, "steps": [{"kind": "SIGNAL", "termDays": 14}]}""");
        var changed = api.send(put("/api/v1/escalation-ladders/PV24"), admin, """
                {"version": -1, "steps": [{"kind": "SIGNAL", "termDays": 7},
                 {"kind": "OTHER", "name": "Tweede gesprek", "termDays": 21}, {"kind": "WARNING", "termDays": 28}]}""");
        var stale = api.send(put("/api/v1/escalation-ladders/PV24"), admin, """
                {"version": -1, "steps": [{"kind": "SIGNAL", "termDays": 10}]}""");

        api.problem(wrong, 400);
        var problems = api.json(wrong).get("invalidParams");
        var named = new ArrayList<String>();
        problems.forEach(p -> named.add(p.get("name").asString() + "@" + p.get("row").asInt()));
        assertThat(named).containsExactly("steps[1].kind@2", "steps[2].name@3", "steps[2].termDays@3");
        assertThat(problems.get(0).get("reason").asString()).isEqualTo("This step comes before a step that comes earlier in practice.");
        assertThat(api.json(api.ok("/api/v1/escalation-ladders/PV26", utrechtProvince)).get("defaultLadder").asBoolean())
                .isTrue();
        // A municipality officer does not read the province's ladder (as its letter texts).
        api.problem(api.fetch("/api/v1/escalation-ladders/PV26", utrecht), 403);
        api.problem(otherProvinces, 403);
        assertThat(changed.getStatus()).as(changed.getContentAsString()).isEqualTo(200);
        var ladder = api.json(changed);
        assertThat(ladder.get("version").asInt()).isZero();
        assertThat(ladder.get("steps").get(1).get("key").asString()).isEqualTo("OTHER-1");
        assertThat(ladder.get("steps").get(1).get("label").asString()).isEqualTo("Tweede gesprek");
        api.problem(stale, 409);
        assertThat(api.json(stale).get("current").get("steps").size()).isEqualTo(3);
        api.problem(api.fetch("/api/v1/escalation-ladders/PV99", admin), 404);

        var restored = api.send(put("/api/v1/escalation-ladders/PV24"), admin, """
                {"version": 0, "steps": [{"kind": "SIGNAL", "termDays": 14}, {"kind": "OFFICIAL_TALKS", "termDays": 28},
                 {"kind": "ADMINISTRATIVE_TALKS", "termDays": 42}, {"kind": "WARNING", "termDays": 28},
                 {"kind": "SUBSTITUTION_DECISION", "termDays": 56}, {"kind": "SUBSTITUTION_CARRIED_OUT", "termDays": 90}]}""");
        assertThat(restored.getStatus()).as(restored.getContentAsString()).isEqualTo(200);
    }

    @Test
    void theProvinceConfirmsAnAssessmentOnceAndItShowsInTheMunicipalitysHistory() throws Exception {
        var periods = api.json(api.ok("/api/v1/assessment-periods", utrechtProvince));
        assertThat(periods.size()).as("the demo's quota history has assessed half-years").isPositive();
        var period = periods.get(0).get("period").asString();

        var rows = api.json(api.ok("/api/v1/assessments?period=" + period + "&province=PV26", utrechtProvince));
        var ownOnly = api.json(api.ok("/api/v1/assessments?period=" + period, lopik));
        // The demo may have decided it already: change it on the version read.
        int version = find(rows, "municipality", RENSWOUDE).path("version").asInt(-1);
        var incomplete = api.send(put("/api/v1/assessments/" + RENSWOUDE + "/" + period), utrechtProvince,
                "{\"outcome\": \"OVERRIDDEN\", \"version\": " + version + "}");
        var confirmed = api.send(put("/api/v1/assessments/" + RENSWOUDE + "/" + period), utrechtProvince,
                "{\"outcome\": \"CONFIRMED\", \"version\": " + version + "}");
        var twice = api.send(put("/api/v1/assessments/" + RENSWOUDE + "/" + period), utrechtProvince,
                "{\"outcome\": \"CONFIRMED\", \"version\": " + version + "}");
        var history = api.json(api.ok("/api/v1/municipalities/" + RENSWOUDE + "/assessments", utrechtProvince));

        assertThat(rows.size()).isPositive();
        rows.forEach(r -> assertThat(r.get("province").asString()).isEqualTo("PV26"));
        var renswoude = find(rows, "municipality", RENSWOUDE);
        assertThat(renswoude.get("shortfall").asLong()).isEqualTo(Math.max(0,
                renswoude.get("correctedQuota").asLong() - renswoude.get("housed").asLong()));
        assertThat(ownOnly.size()).isEqualTo(1);
        assertThat(ownOnly.get(0).get("municipality").asString()).isEqualTo(LOPIK);
        api.problem(incomplete, 400);
        assertThat(api.names(incomplete)).contains("colour", "reason");
        assertThat(confirmed.getStatus()).as(confirmed.getContentAsString()).isEqualTo(200);
        var decided = api.json(confirmed);
        assertThat(decided.get("outcome").asString()).isEqualTo("CONFIRMED");
        assertThat(decided.get("decidedColour").asString()).isEqualTo(renswoude.get("proposedColour").asString());
        assertThat(decided.get("version").asInt()).isEqualTo(version + 1);
        api.problem(twice, 409);
        assertThat(api.json(twice).get("current").get("outcome").asString()).isEqualTo("CONFIRMED");
        assertThat(history.get("assessments").get(0).get("period").asString()).isEqualTo(period);
        assertThat(history.get("assessments").get(0).get("outcome").asString()).isEqualTo("CONFIRMED");
        int missed = 0;
        for (var row : history.get("assessments")) {
            if (!row.get("missed").asBoolean()) {
                break;
            }
            missed++;
        }
        assertThat(history.get("missedInARow").asInt()).isEqualTo(missed);
        api.problem(api.fetch("/api/v1/municipalities/" + RENSWOUDE + "/assessments", utrecht), 403);
        api.problem(api.send(put("/api/v1/assessments/" + RENSWOUDE + "/" + period), otherProvince,
                "{\"outcome\": \"CONFIRMED\", \"version\": 0}"), 403);
    }

    @Test
    void theOpenApiDescriptionNamesTheSupervisionEndpoints() throws Exception {
        var openApi = api.json(mvc.perform(get("/api/v1/openapi.json")).andReturn().getResponse());

        var paths = openApi.get("paths");
        for (var path : List.of("/api/v1/assessment-periods", "/api/v1/assessments",
                "/api/v1/assessments/{municipalityCode}/{period}", "/api/v1/municipalities/{code}/assessments",
                "/api/v1/escalation-ladders/{province}", "/api/v1/escalation-cases", "/api/v1/escalation-cases/{id}/steps",
                "/api/v1/escalation-cases/{id}/documents/{documentId}", "/api/v1/escalation-overdue",
                "/api/v1/supervision-dashboard")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
    }

    static List<Long> ids(JsonNode cases) {
        var ids = new ArrayList<Long>();
        cases.forEach(c -> ids.add(c.get("id").asLong()));
        return ids;
    }

    static JsonNode find(JsonNode cases, long id) {
        for (var c : cases) {
            if (c.get("id").asLong() == id) {
                return c;
            }
        }
        throw new AssertionError("case " + id + " not in " + cases);
    }

    static JsonNode find(JsonNode rows, String field, String value) {
        for (var r : rows) {
            if (r.get(field).asString().equals(value)) {
                return r;
            }
        }
        throw new AssertionError(value + " not in " + rows);
    }
}
