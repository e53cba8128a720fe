package nl.doorstroom.governance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.LocalDate;

import nl.doorstroom.ApiClient;
import nl.doorstroom.IntegrationTest;
import nl.doorstroom.identity.AccountAdministration;
import nl.doorstroom.identity.ApiTokens;
import nl.doorstroom.identity.AuditTrail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Meetings and action items over the API with the demo accounts' tokens: record, read, change with the version read
 * (409 with what is stored now), filter the work list, move a status as owner, and every refusal as problem+json
 * naming its fields.
 */
@IntegrationTest
class MeetingApiIntegrationTests {

    @Autowired
    nl.doorstroom.housingmarket.AllocationScenarios allocationScenarios;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AccountAdministration accounts;

    ApiClient api;
    String coordinator;
    String municipality;
    String coa;

    @BeforeEach
    void issueTokens() {
        api = new ApiClient(mvc, tokens, accounts);
        coordinator = api.token("coordinator");
        municipality = api.token("municipality-utrecht");
        coa = api.token("coa");
    }

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    static String meeting(String title, LocalDate day, String version) {
        return """
                {%s "heldOn": "%s", "kind": "REGULAR", "title": "%s",
                 "participants": [{"organisation": "COA", "persons": "J. Jansen"}, {"organisation": "VNG (gemeenten)"}],
                 "agendaItems": [{"title": "Opening"}, {"title": "Uitstroom", "note": "extra"}],
                 "minutes": "Verslag", "decisions": ["Besluit een", "Besluit twee"]}""".formatted(version, day, title);
    }

    @Test
    void aMeetingWithAnItemIsRecordedChangedAndAStaleVersionIsAConflictWithTheCurrentState() throws Exception {
        var created = api.send(post("/api/v1/meetings"), coordinator, meeting("API-overleg", today().plusDays(3), ""));
        long id = api.json(created).get("id").asLong();
        long scenario = nl.doorstroom.TestUsers.as(nl.doorstroom.identity.Role.NATIONAL_COORDINATOR,
                () -> allocationScenarios.all().get(0).id());
        var item = api.send(post("/api/v1/meetings/" + id + "/action-items"), coordinator, """
                {"what": "Opties bespreken", "ownerOrganisation": "Gemeente Utrecht", "dueOn": "%s",
                 "links": [{"kind": "MUNICIPALITY", "id": "GM0344"}, {"kind": "ALLOCATION_SCENARIO", "id": "%s"}]}"""
                .formatted(today().minusDays(1), scenario));
        long itemId = api.json(item).get("id").asLong();
        var changed = api.send(put("/api/v1/meetings/" + id), coordinator,
                meeting("API-overleg gewijzigd", today().plusDays(3), "\"version\": 0,"));
        var stale = api.send(put("/api/v1/meetings/" + id), coordinator,
                meeting("API-overleg overschreven", today().plusDays(3), "\"version\": 0,"));
        var read = api.ok("/api/v1/meetings/" + id, coa);

        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        assertThat(created.getHeader("Location")).isEqualTo("/api/v1/meetings/" + id);
        assertThat(item.getStatus()).as(item.getContentAsString()).isEqualTo(201);
        assertThat(api.json(item).get("links").findValuesAsString("page"))
                .containsExactly("/progress/municipalities/GM0344", "/housing-market/simulations/" + scenario);
        assertThat(api.json(item).get("history").get(0).get("status").asString()).isEqualTo("OPEN");
        assertThat(api.json(changed).get("version").asInt()).isEqualTo(1);
        api.problem(stale, 409);
        assertThat(api.json(stale).get("current").get("title").asString()).isEqualTo("API-overleg gewijzigd");
        assertThat(api.json(read).get("decisions").findValuesAsString("text")).containsExactly("Besluit een", "Besluit twee");
        assertThat(api.json(read).get("openActionItems").findValuesAsString("what")).contains("Opties bespreken");
        assertThat(api.json(read).get("openActionItems").get(0).get("overdue").asBoolean()).isTrue();

        var moved = api.send(post("/api/v1/action-items/" + itemId + "/status"), municipality,
                "{\"status\": \"DONE\", \"version\": 0, \"note\": \"gedaan\"}");
        var staleMove = api.send(post("/api/v1/action-items/" + itemId + "/status"), coordinator,
                "{\"status\": \"OPEN\", \"version\": 0}");
        assertThat(moved.getStatus()).as(moved.getContentAsString()).isEqualTo(200);
        assertThat(api.json(moved).get("status").asString()).isEqualTo("DONE");
        api.problem(staleMove, 409);
        assertThat(api.json(staleMove).get("current").get("status").asString()).isEqualTo("DONE");

        var notAllowed = api.send(post("/api/v1/action-items/" + itemId + "/status"), coordinator,
                "{\"status\": \"IN_PROGRESS\", \"version\": 1}");
        api.problem(notAllowed, 400);
        assertThat(api.json(notAllowed).get("invalidParams").get(0).get("reason").asString())
                .doesNotContain("DONE").doesNotContain("IN_PROGRESS");

        var beforeCurrent = api.send(post("/api/v1/action-items/" + itemId + "/status"), coordinator,
                "{\"status\": \"OPEN\", \"version\": 1, \"on\": \"%s\"}".formatted(today().minusDays(1)));
        api.problem(beforeCurrent, 400);
        assertThat(api.json(beforeCurrent).get("invalidParams").get(0).get("reason").asString())
                .contains(today().format(java.time.format.DateTimeFormatter.ofPattern("d-M-yyyy")))
                .doesNotContain(today().toString());
    }

    @Test
    void theWorkListIsFilteredByOwnerStatusAndOverdueAndAMunicipalitySeesItsOwnOnly() throws Exception {
        var created = api.send(post("/api/v1/meetings"), coordinator, meeting("API-werklijst", today().minusDays(2), ""));
        long id = api.json(created).get("id").asLong();
        var owner = "API-eigenaar-" + System.nanoTime();
        api.send(post("/api/v1/meetings/" + id + "/action-items"), coordinator,
                "{\"what\": \"Te laat\", \"ownerOrganisation\": \"%s\", \"dueOn\": \"%s\"}".formatted(owner, today().minusDays(1)));
        api.send(post("/api/v1/meetings/" + id + "/action-items"), coordinator,
                "{\"what\": \"Op tijd\", \"ownerOrganisation\": \"%s\", \"dueOn\": \"%s\"}".formatted(owner, today().plusDays(9)));

        var overdue = api.ok("/api/v1/action-items?owner=" + owner + "&overdue=true", coordinator);
        var open = api.ok("/api/v1/action-items?owner=" + owner + "&status=OPEN", coordinator);
        var pastDate = api.ok("/api/v1/action-items?owner=" + owner + "&date=" + today().minusDays(3),
                coordinator);
        var mine = api.ok("/api/v1/action-items?owner=mine", municipality);
        var all = api.ok("/api/v1/action-items", municipality);
        var meetingOfOthers = api.ok("/api/v1/meetings/" + id, municipality);

        assertThat(api.json(overdue).findValuesAsString("what")).containsExactly("Te laat");
        assertThat(api.json(open).findValuesAsString("what")).containsExactly("Te laat", "Op tijd");
        assertThat(api.json(pastDate).findValuesAsString("what")).isEmpty();
        assertThat(api.json(mine).findValuesAsString("ownerOrganisation")).allMatch("Gemeente Utrecht"::equalsIgnoreCase);
        assertThat(api.json(all).findValuesAsString("ownerOrganisation")).allMatch("Gemeente Utrecht"::equalsIgnoreCase);
        assertThat(api.json(meetingOfOthers).get("minutesHidden").asBoolean()).isTrue();
        assertThat(api.json(meetingOfOthers).has("minutes")).isFalse();
    }

    @Test
    void refusalsAreProblemsThatNameEveryField() throws Exception {
        var emptyMeeting = api.send(post("/api/v1/meetings"), coordinator, "{\"agendaItems\": [{\"title\": \" \"}]}");
        var badKind = api.send(post("/api/v1/meetings"), coordinator, "{\"kind\": \"picnic\"}");
        var created = api.send(post("/api/v1/meetings"), coordinator, meeting("API-fouten", today(), ""));
        long id = api.json(created).get("id").asLong();
        var emptyItem = api.send(post("/api/v1/meetings/" + id + "/action-items"), coordinator,
                "{\"links\": [{\"kind\": \"MUNICIPALITY\", \"id\": \"GM9999\"}]}");
        var badLink = api.send(post("/api/v1/meetings/" + id + "/action-items"), coordinator,
                "{\"links\": [{\"kind\": \"CASTLE\", \"id\": \"1\"}]}");
        var noVersion = api.send(put("/api/v1/meetings/" + id), coordinator, meeting("x", today(), ""));
        var badFilter = api.fetch("/api/v1/action-items?status=SLEEPING&overdue=maybe", coordinator);
        var municipalityRecords = api.send(post("/api/v1/meetings"), municipality, meeting("x", today(), ""));
        var unknown = api.fetch("/api/v1/meetings/999999999", coordinator);
        var unknownItem = api.fetch("/api/v1/action-items/999999999", coordinator);

        api.problem(emptyMeeting, 400);
        assertThat(api.names(emptyMeeting)).containsExactly("heldOn", "kind", "title", "agendaItems");
        assertThat(api.json(emptyMeeting).get("invalidParams").get(3).get("row").asInt()).isEqualTo(1);
        api.problem(badKind, 400);
        assertThat(api.names(badKind)).containsExactly("kind");
        api.problem(emptyItem, 400);
        assertThat(api.names(emptyItem)).containsExactly("what", "ownerOrganisation", "dueOn", "links");
        api.problem(badLink, 400);
        assertThat(api.names(badLink)).containsExactly("links");
        api.problem(noVersion, 400);
        assertThat(api.names(noVersion)).containsExactly("version");
        api.problem(badFilter, 400);
        assertThat(api.names(badFilter)).containsExactly("status", "overdue");
        api.problem(municipalityRecords, 403);
        api.problem(unknown, 404);
        api.problem(unknownItem, 404);
    }

    @Test
    void aNullRowInAListIsAProblemAtThatRowNotAServerError() throws Exception {
        var created = api.send(post("/api/v1/meetings"), coordinator, meeting("API-lege rijen", today(), ""));
        long id = api.json(created).get("id").asLong();

        var nullRows = api.send(post("/api/v1/meetings"), coordinator, """
                {"heldOn": "%s", "kind": "REGULAR", "title": "Lege rijen", "participants": [null],
                 "agendaItems": [{"title": "Opening"}, null], "decisions": ["Besluit", null]}""".formatted(today()));
        var nullLink = api.send(post("/api/v1/meetings/" + id + "/action-items"), coordinator, """
                {"what": "Iets", "ownerOrganisation": "COA", "dueOn": "%s", "links": [null]}""".formatted(today()));

        api.problem(nullRows, 400);
        assertThat(api.names(nullRows)).containsExactly("participants", "agendaItems", "decisions");
        assertThat(api.json(nullRows).get("invalidParams").get(1).get("row").asInt()).isEqualTo(2);
        api.problem(nullLink, 400);
        assertThat(api.names(nullLink)).containsExactly("links");
    }
}
