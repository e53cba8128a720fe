package nl.doorstroom.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;

import nl.doorstroom.ApiClient;
import nl.doorstroom.IntegrationTest;
import nl.doorstroom.identity.AccountAdministration;
import nl.doorstroom.identity.ApiTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Reception through the API with the demo accounts' tokens: register and change locations with the version read,
 * import figures (201, or 400 with every problem by row), occupancy per location and nationally, the norm, and
 * every refusal as problem+json.
 */
@IntegrationTest
class ReceptionApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AccountAdministration accounts;

    ApiClient api;
    String coa;
    String coordinator;
    String province;

    @BeforeEach
    void issueTokens() {
        api = new ApiClient(mvc, tokens, accounts);
        coa = api.token("coa");
        coordinator = api.token("coordinator");
        province = api.token("province-utrecht");
    }

    @Test
    void aLocationIsRegisteredChangedAndAStaleVersionIsAConflict() throws Exception {
        var code = ReceptionFixtures.newCode("API");

        var added = api.send(post("/api/v1/reception-locations"), coa, location(code, ""));
        long id = api.json(added).get("id").asLong();
        var changed = api.send(put("/api/v1/reception-locations/" + id), coa,
                location(code, "\"version\": 0,").replace("\"regularCapacity\": 400", "\"regularCapacity\": 450"));
        var stale = api.send(put("/api/v1/reception-locations/" + id), coa, location(code, "\"version\": 0,"));
        var read = api.ok("/api/v1/reception-locations/" + id, province);
        var listed = api.ok("/api/v1/reception-locations?province=PV26&kind=regular", province);

        assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(201);
        assertThat(added.getHeader("Location")).isEqualTo("/api/v1/reception-locations/" + id);
        assertThat(api.json(changed).get("regularCapacity").asInt()).isEqualTo(450);
        api.problem(stale, 409);
        assertThat(api.json(read).get("version").asInt()).isEqualTo(1);
        assertThat(api.json(read).get("province").asString()).isEqualTo("PV26");
        assertThat(api.json(listed).findValuesAsString("code")).contains(code);
    }

    @Test
    void aRefusedLocationNamesEveryFieldAndOtherRolesAreForbidden() throws Exception {
        var refused = api.send(post("/api/v1/reception-locations"), coa,
                "{\"code\": \"x\", \"municipality\": \"GM9999\", \"kind\": \"castle\", \"regularCapacity\": -1}");
        var coordinatorTries = api.send(post("/api/v1/reception-locations"), coordinator, location("TEST-NOPE", ""));
        var unknown = api.fetch("/api/v1/reception-locations/999999999", coa);

        api.problem(refused, 400);
        assertThat(api.names(refused)).containsExactlyInAnyOrder("kind", "code", "name", "municipality", "regularCapacity",
                "emergencyCapacity");
        api.problem(coordinatorTries, 403);
        api.problem(unknown, 404);
    }

    @Test
    void figuresAreImportedAllOrNothingAndReadBackPerLocationAndNationally() throws Exception {
        var code = ReceptionFixtures.newCode("APIIMP");
        long id = api.json(api.send(post("/api/v1/reception-locations"), coa, location(code, ""))).get("id").asLong();

        var imported = csv(coa, "location,date,in_procedure,permit_holders,other\n" + code + ",2015-06-01,300,80,10\n");
        var refused = csv(coa, "location,date,in_procedure,permit_holders,other\n" + code + ",2015-06-02,1,1,1\n"
                + "TEST-NOWHERE,2015-06-02,1,1,1\n" + code + ",gisteren,-1,1,1\n");
        var forbidden = csv(province, "location,date,in_procedure,permit_holders,other\n");
        var perLocation = api.ok("/api/v1/reception-occupancy?location=" + id + "&from=2015-05-01&to=2015-07-01", province);
        var national = api.ok("/api/v1/reception-occupancy?from=2015-06-01&to=2015-06-14", province);
        var history = api.ok("/api/v1/occupancy-imports", coordinator);

        assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(201);
        assertThat(api.json(imported).get("rows").asInt()).isEqualTo(1);
        api.problem(refused, 400);
        var rows = new java.util.ArrayList<String>();
        api.json(refused).get("invalidParams").forEach(p -> rows.add(p.get("row").asInt() + ":" + p.get("name").asString()));
        assertThat(rows).containsExactly("3:location", "4:date", "4:in_procedure");
        api.problem(forbidden, 403);
        var days = api.json(perLocation).get("days");
        assertThat(days).hasSize(1);
        assertThat(days.get(0).get("total").asInt()).isEqualTo(390);
        assertThat(api.json(national).get("weeks")).hasSize(2);
        assertThat(api.json(national).get("weeks").get(0).get("week").asString()).isEqualTo("2015-06-01");
        assertThat(api.json(history).get(0).get("importedBy").asString()).isEqualTo("coa");
    }

    @Test
    void theNormIsReadByReadersAndSetByACoordinatorWithTheVersionRead() throws Exception {
        var norms = api.json(api.ok("/api/v1/reception-norms", province));
        int version = norms.get("current").get("version").asInt();
        int persons = norms.get("current").get("norm").asInt();

        var byCoa = api.send(put("/api/v1/reception-norms/ter-apel"), coa,
                "{\"version\": " + version + ", \"norm\": 2200, \"validFrom\": \"2026-01-01\"}");
        var set = api.send(put("/api/v1/reception-norms/ter-apel"), coordinator,
                "{\"version\": " + version + ", \"norm\": 2200, \"validFrom\": \"2026-01-01\"}");
        var stale = api.send(put("/api/v1/reception-norms/ter-apel"), coordinator,
                "{\"version\": " + version + ", \"norm\": 2300, \"validFrom\": \"2026-01-01\"}");
        var invalid = api.send(put("/api/v1/reception-norms/ter-apel"), coordinator, "{\"version\": " + (version + 1) + "}");
        var back = api.send(put("/api/v1/reception-norms/ter-apel"), coordinator,
                "{\"version\": " + (version + 1) + ", \"norm\": " + persons + ", \"validFrom\": \"2026-02-01\"}");

        api.problem(byCoa, 403);
        assertThat(set.getStatus()).as(set.getContentAsString()).isEqualTo(200);
        assertThat(api.json(set).get("norm").asInt()).isEqualTo(2200);
        api.problem(stale, 409);
        api.problem(invalid, 400);
        assertThat(api.names(invalid)).containsExactly("norm", "validFrom");
        assertThat(api.json(back).get("version").asInt()).isEqualTo(version + 2);
    }

    @Test
    void everyReceptionEndpointIsDescribedInOpenApi() throws Exception {
        var paths = api.json(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/openapi.json")).andReturn().getResponse()).get("paths");

        assertThat(paths.has("/api/v1/reception-locations")).isTrue();
        assertThat(paths.has("/api/v1/reception-locations/{id}")).isTrue();
        assertThat(paths.has("/api/v1/reception-occupancy")).isTrue();
        assertThat(paths.has("/api/v1/occupancy-imports")).isTrue();
        assertThat(paths.has("/api/v1/reception-norms/ter-apel")).isTrue();
    }

    private MockHttpServletResponse csv(String token, String body) throws Exception {
        return mvc.perform(post("/api/v1/occupancy-imports").header("Authorization", token).contentType("text/csv")
                .content(body.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
    }

    private static String location(String code, String version) {
        return """
                {%s "code": "%s", "name": "Azc api %s", "municipality": "GM0344", "kind": "REGULAR",
                 "regularCapacity": 400, "emergencyCapacity": 0, "openedOn": "2015-01-01", "closedOn": "2015-12-31"}"""
                .formatted(version, code, code);
    }
}
