package nl.doorstroom.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import nl.doorstroom.ApiClient;
import nl.doorstroom.IntegrationTest;
import nl.doorstroom.identity.AccountAdministration;
import nl.doorstroom.identity.ApiTokens;
import nl.doorstroom.identity.AuditTrail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Temporary sites through the API with the demo accounts' tokens: add, change with the version read, status
 * steps, imports, scopes, and every refusal as problem+json naming the fields as the client sent them.
 */
@IntegrationTest
class SiteApiIntegrationTests {

    static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AccountAdministration accounts;

    ApiClient api;

    String coordinator;
    String province;
    String utrecht;
    String analyst;
    String corporation;

    @BeforeEach
    void issueTokens() {
        api = new ApiClient(mvc, tokens, accounts);
        coordinator = api.token("coordinator");
        province = api.token("province-utrecht");
        utrecht = api.token("municipality-utrecht");
        analyst = api.token("analyst");
        corporation = api.token("corporation");
    }

    @Test
    void aSiteIsAddedChangedAndMovedAlongTheLineThroughTheApi() throws Exception {
        var name = name("Hotel Api");

        var added = send(post("/api/v1/sites"), province, site(name, "GM0355", ""));
        long id = json(added).get("id").asLong();
        var changed = send(put("/api/v1/sites/" + id), province,
                site(name, "GM0355", "\"version\": 0,").replace("\"capacity\": 40", "\"capacity\": 45"));
        var moved = send(post("/api/v1/sites/" + id + "/status-changes"), province,
                "{\"version\": 1, \"status\": \"CONTACTED\", \"date\": \"" + today() + "\", \"reason\": \"Gebeld\"}");
        var history = getOk("/api/v1/sites/" + id + "/status-changes", province);

        assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(201);
        assertThat(added.getHeader("Location")).isEqualTo("/api/v1/sites/" + id);
        var site = json(added);
        assertThat(site.get("version").asInt()).isZero();
        assertThat(site.get("status").asString()).isEqualTo("IDENTIFIED");
        assertThat(site.get("province").asString()).isEqualTo("PV26");
        assertThat(site.get("kind").asString()).isEqualTo("RECREATION_PARK");
        assertThat(site.get("costPerNight").decimalValue()).isEqualByComparingTo("42.50");
        assertThat(site.get("qualifiesForHar").asBoolean()).isTrue();
        assertThat(json(changed).get("capacity").asInt()).isEqualTo(45);
        assertThat(json(changed).get("version").asInt()).isEqualTo(1);
        assertThat(json(moved).get("status").asString()).isEqualTo("CONTACTED");
        assertThat(json(moved).get("version").asInt()).isEqualTo(2);
        var steps = json(history);
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).has("from")).isFalse();
        assertThat(steps.get(1).get("from").asString()).isEqualTo("IDENTIFIED");
        assertThat(steps.get(1).get("reason").asString()).isEqualTo("Gebeld");
    }

    @Test
    void aChangeOrStepBasedOnAnOldVersionAnswers409AndChangesNothing() throws Exception {
        var name = name("Hotel Conflict");
        long id = json(send(post("/api/v1/sites"), coordinator, site(name, "GM0344", ""))).get("id").asLong();
        send(put("/api/v1/sites/" + id), coordinator, site(name, "GM0344", "\"version\": 0,"));

        var staleChange = send(put("/api/v1/sites/" + id), province,
                site(name, "GM0344", "\"version\": 0,").replace("\"capacity\": 40", "\"capacity\": 99"));
        var staleStep = send(post("/api/v1/sites/" + id + "/status-changes"), utrecht,
                "{\"version\": 0, \"status\": \"CONTACTED\"}");

        problem(staleChange, 409);
        problem(staleStep, 409);
        var site = json(getOk("/api/v1/sites/" + id, coordinator));
        assertThat(site.get("capacity").asInt()).isEqualTo(40);
        assertThat(site.get("status").asString()).isEqualTo("IDENTIFIED");
    }

    @Test
    void everyProblemOfABodyIsNamedAsTheClientSentIt() throws Exception {
        var refused = send(post("/api/v1/sites"), coordinator, """
                {"kind": "KASTEEL", "name": "", "municipality": "Nergensdorp", "address": "Weg 1", "latitude": 48.1,
                 "owner": "PRIVATE", "capacity": 0, "availableFrom": "2027-02-01", "availableUntil": "2027-01-01"}""");
        var badDate = send(post("/api/v1/sites"), coordinator, "{\"availableFrom\": \"morgen\"}");
        var noVersion = send(put("/api/v1/sites/1"), coordinator, site(name("Hotel"), "GM0344", ""));

        problem(refused, 400);
        assertThat(names(refused)).containsExactlyInAnyOrder("kind", "name", "municipality", "latitude", "longitude",
                "capacity", "availableUntil");
        problem(badDate, 400);
        assertThat(names(badDate)).containsExactly("availableFrom");
        problem(noVersion, 400);
        assertThat(names(noVersion)).containsExactly("version");
    }

    @Test
    void aStatusStepOffTheLineWithoutReasonOrInTheFutureNamesItsFields() throws Exception {
        long id = json(send(post("/api/v1/sites"), coordinator, site(name("Hotel Stap"), "GM0344", ""))).get("id").asLong();

        var drop = send(post("/api/v1/sites/" + id + "/status-changes"), coordinator,
                "{\"version\": 0, \"status\": \"DROPPED\"}");
        var future = send(post("/api/v1/sites/" + id + "/status-changes"), coordinator,
                "{\"version\": 0, \"status\": \"CONTACTED\", \"date\": \"" + today().plusDays(3) + "\"}");
        var skip = send(post("/api/v1/sites/" + id + "/status-changes"), coordinator,
                "{\"version\": 0, \"status\": \"IN_USE\"}");
        var unknown = send(post("/api/v1/sites/" + id + "/status-changes"), coordinator,
                "{\"version\": 0, \"status\": \"HALF\"}");

        problem(drop, 400);
        assertThat(names(drop)).containsExactly("reason");
        problem(future, 400);
        assertThat(names(future)).containsExactly("date");
        problem(skip, 400);
        assertThat(codes(skip)).containsExactly("site.status.notAllowed.IDENTIFIED");
        problem(unknown, 400);
        assertThat(names(unknown)).containsExactly("status");
    }

    @Test
    void anImportIsAllOrNothingWithEveryProblemByRowAndColumn() throws Exception {
        var name = name("Hotel Import");
        var good = "name;kind;municipality;address;owner;capacity\n"
                + name + " A;HOTEL;GM0344;Importlaan 1 " + name + ";PRIVATE;40\n"
                + name + " B;kerkgebouw;Zeist;Importlaan 2 " + name + ";kerk;15\n";
        var bad = "name;kind;municipality;address;owner;capacity\n"
                + name + " C;HOTEL;GM0344;Importlaan 3 " + name + ";PRIVATE;40\n"
                + name + " C;HOTEL;GM0344;Importlaan 4 " + name + ";PRIVATE;40\n"
                + name + " D;HOTEL;GM0363;Damrak 1 " + name + ";PRIVATE;-1\n";

        var imported = mvc.perform(post("/api/v1/site-imports").header("Authorization", province)
                .contentType("text/csv").content(good.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
        var refused = mvc.perform(multipart("/api/v1/site-imports").file(new MockMultipartFile("file", "lijst.csv",
                "text/csv", bad.getBytes(StandardCharsets.UTF_8))).header("Authorization", province)).andReturn().getResponse();

        assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(201);
        assertThat(json(imported).get("sites").asInt()).isEqualTo(2);
        problem(refused, 400);
        var rows = new ArrayList<String>();
        json(refused).get("invalidParams").forEach(p -> rows.add(p.get("row").asInt() + ":" + p.get("name").asString()
                + ":" + p.get("code").asString()));
        assertThat(rows).containsExactly("3:name:sites.duplicate.nameInFile", "4:capacity:site.capacity.notPositive",
                "4:municipality:sites.municipality.outsideScope");
        var listed = json(getOk("/api/v1/sites?municipality=GM0344", province)).get("items");
        var names = new ArrayList<String>();
        listed.forEach(i -> names.add(i.get("name").asString()));
        assertThat(names).contains(name + " A").doesNotContain(name + " C");
    }

    @Test
    void theListIsScopedFilteredAndTotalledPerKindAndExportedAsCsvThatTheImportReadsBack() throws Exception {
        var name = name("Hotel Lijst");
        send(post("/api/v1/sites"), coordinator, site(name, "GM0363", ""));

        var asProvince = json(getOk("/api/v1/sites", province));
        var filtered = json(getOk("/api/v1/sites?kind=RECREATION_PARK&status=IDENTIFIED&har=true&province=PV27", coordinator));
        var csv = download("/api/v1/sites?format=csv&municipality=GM0363", coordinator);

        assertThat(asProvince.get("items")).allSatisfy(i -> assertThat(i.get("province").asString()).isEqualTo("PV26"));
        assertThat(asProvince.get("kinds")).hasSize(6);
        assertThat(filtered.get("items")).isNotEmpty().allSatisfy(i -> {
            assertThat(i.get("kind").asString()).isEqualTo("RECREATION_PARK");
            assertThat(i.get("status").asString()).isEqualTo("IDENTIFIED");
            assertThat(i.get("qualifiesForHar").asBoolean()).isTrue();
            assertThat(i.get("province").asString()).isEqualTo("PV27");
        });
        assertThat(filtered.get("total").get("sites").asInt()).isEqualTo(filtered.get("items").size());
        assertThat(csv).contains(name, "GM0363");
        var again = mvc.perform(post("/api/v1/site-imports").header("Authorization", coordinator).contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
        problem(again, 400);
        assertThat(codes(again)).isNotEmpty().allSatisfy(c -> assertThat(c).isIn("sites.duplicate.nameRegistered",
                "sites.duplicate.addressRegistered", "site.status.notStarting"));
    }

    @Test
    void rolesOutsideTheirScopeAreRefusedAsProblems() throws Exception {
        long amsterdam = json(send(post("/api/v1/sites"), coordinator, site(name("Hotel Elders"), "GM0363", "")))
                .get("id").asLong();

        var corporationReads = fetch("/api/v1/sites", corporation);
        var analystAdds = send(post("/api/v1/sites"), analyst, site(name("Hotel Analist"), "GM0344", ""));
        var provinceReadsElsewhere = fetch("/api/v1/sites/" + amsterdam, province);
        var provinceAddsElsewhere = send(post("/api/v1/sites"), province, site(name("Hotel Ver"), "GM0363", ""));
        var analystReads = fetch("/api/v1/sites/" + amsterdam, analyst);

        problem(corporationReads, 403);
        problem(analystAdds, 403);
        problem(provinceReadsElsewhere, 404);
        problem(provinceAddsElsewhere, 400);
        assertThat(names(provinceAddsElsewhere)).containsExactly("municipality");
        assertThat(analystReads.getStatus()).isEqualTo(200);
    }

    static String site(String name, String municipality, String prefix) {
        return """
                {%s "kind": "vakantiepark", "name": "%s", "municipality": "%s", "address": "Parklaan 1 %s",
                 "owner": "PRIVATE", "capacity": 40, "availableFrom": "%s", "costPerNight": 42.5,
                 "contactPerson": "J. Test"}""".formatted(prefix, name, municipality, name, today().minusDays(1));
    }

    static String name(String prefix) {
        return prefix + " " + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
    }

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    MockHttpServletResponse send(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
        return api.send(request, token, body);
    }

    MockHttpServletResponse fetch(String path, String token) throws Exception {
        return api.fetch(path, token);
    }

    MockHttpServletResponse getOk(String path, String token) throws Exception {
        return api.ok(path, token);
    }

    String download(String path, String token) throws Exception {
        var started = mvc.perform(get(path).header("Authorization", token)).andReturn();
        var response = mvc.perform(asyncDispatch(started)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/csv");
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** The shared problem+json checks, and: the problem names the path it answers, every reason is a sentence, not a key. */
    void problem(MockHttpServletResponse response, int status) throws Exception {
        api.problem(response, status);
        var problem = json(response);
        assertThat(problem.get("instance").asString()).startsWith("/api/v1/");
        if (problem.has("invalidParams")) {
            problem.get("invalidParams").forEach(p -> assertThat(p.get("reason").asString()).doesNotStartWith("site"));
        }
    }

    JsonNode json(MockHttpServletResponse response) throws Exception {
        return api.json(response);
    }

    List<String> names(MockHttpServletResponse response) throws Exception {
        return api.names(response);
    }

    List<String> codes(MockHttpServletResponse response) throws Exception {
        var codes = new ArrayList<String>();
        json(response).get("invalidParams").forEach(p -> codes.add(p.get("code").asString()));
        return codes;
    }
}
