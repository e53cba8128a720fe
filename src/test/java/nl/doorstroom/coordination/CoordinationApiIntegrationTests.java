package nl.doorstroom.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.LocalDate;
import java.util.List;

import nl.doorstroom.ApiClient;
import nl.doorstroom.IntegrationTest;
import nl.doorstroom.identity.AccountAdministration;
import nl.doorstroom.identity.ApiTokens;
import nl.doorstroom.identity.AuditTrail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The coordination centre through the API with the demo accounts' tokens. */
@IntegrationTest
class CoordinationApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AccountAdministration accounts;

    ApiClient api;

    String coordinator;
    String coa;
    String utrecht;

    @BeforeEach
    void issueTokens() {
        api = new ApiClient(mvc, tokens, accounts);
        coordinator = api.token("coordinator");
        coa = api.token("coa");
        utrecht = api.token("municipality-utrecht");
    }

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    @Test
    void aCallWithACommitmentIsLoggedKeptAndCountsInTheWeekWhileAStaleChangeGets409WithWhatIsStored() throws Exception {
        var weekBefore = api.json(api.ok("/api/v1/weekly-extra-places?weeks=6", coordinator)).get("total");
        long before = weekBefore.get(weekBefore.size() - 1).asLong();

        var logged = api.send(post("/api/v1/contacts"), coordinator, """
                {"party": "MUNICIPALITY", "municipality": "GM0344", "kind": "CALL", "occurredOn": "%s",
                 "counterpart": "wethouder wonen", "outcome": "Vijftien plaatsen in een hotel",
                 "commitments": [{"municipality": "GM0344", "places": 15, "kind": "HAR_HOTEL", "expectedOn": "%s"}],
                 "followUps": [{"description": "Terugbellen", "dueOn": "%s", "assignee": "coordinator"}]}"""
                .formatted(today().minusDays(2), today().plusDays(10), today().plusDays(5)));

        assertThat(logged.getStatus()).as(logged.getContentAsString()).isEqualTo(201);
        var contact = api.json(logged);
        long commitment = contact.get("commitments").get(0).get("id").asLong();
        var kept = api.send(post("/api/v1/commitments/" + commitment + "/decisions"), coa,
                "{\"version\": 0, \"status\": \"KEPT\", \"realisedPlaces\": 15, \"realisedOn\": \"" + today() + "\"}");
        var stale = api.send(post("/api/v1/commitments/" + commitment + "/decisions"), coordinator,
                "{\"version\": 0, \"status\": \"NOT_KEPT\", \"reason\": \"Te laat\"}");

        assertThat(kept.getStatus()).as(kept.getContentAsString()).isEqualTo(200);
        assertThat(api.json(kept).get("status").asString()).isEqualTo("KEPT");
        api.problem(stale, 409);
        assertThat(api.json(stale).get("current").get("status").asString()).isEqualTo("KEPT");
        var week = api.json(api.ok("/api/v1/weekly-extra-places?weeks=6", coordinator)).get("total");
        assertThat(week.get(week.size() - 1).asLong() - before).isEqualTo(15);
        var own = api.json(api.ok("/api/v1/commitments?municipality=GM0344", utrecht));
        assertThat(own.size()).isPositive();
        api.problem(api.fetch("/api/v1/commitments?municipality=GM0363", utrecht), 403);
        api.problem(api.fetch("/api/v1/call-list", utrecht), 403);
    }

    @Test
    void theCallListShowsEachMunicipalitysReasonsAddingUpToItsPoints() throws Exception {
        var list = api.json(api.ok("/api/v1/call-list", coordinator));

        assertThat(list.get("municipalities").size()).isPositive();
        for (var m : list.get("municipalities")) {
            int sum = 0;
            for (var r : m.get("reasons")) {
                assertThat(r.get("text").asString()).isNotBlank();
                sum += r.get("points").asInt();
            }
            assertThat(sum).isEqualTo(m.get("points").asInt());
        }
        assertThat(list.get("policy").get("weeklyTarget").asInt()).isPositive();
    }

    @Test
    void problemsNameTheFieldsAsSentAndOthersMayNotRecord() throws Exception {
        var refused = api.send(post("/api/v1/contacts"), coordinator, """
                {"party": "MUNICIPALITY", "municipality": "GM0344", "kind": "CALL", "occurredOn": "%s",
                 "counterpart": " ", "outcome": "x",
                 "commitments": [{"municipality": "GM0344", "places": 0, "kind": "HAR_HOTEL", "expectedOn": "%s"}]}"""
                .formatted(today().plusDays(1), today().plusDays(10)));
        var officer = api.send(post("/api/v1/contacts"), utrecht, "{}");
        var policy = api.send(put("/api/v1/call-policy"), coa, "{\"version\": 0, \"values\": {}}");

        api.problem(refused, 400);
        assertThat(api.names(refused)).containsExactly("occurredOn", "counterpart", "commitments[0].places");
        api.problem(officer, 403);
        api.problem(policy, 403);
    }
}
