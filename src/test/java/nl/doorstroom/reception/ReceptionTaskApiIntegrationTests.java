package nl.doorstroom.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

import nl.doorstroom.ApiClient;
import nl.doorstroom.IntegrationTest;
import nl.doorstroom.identity.AccountAdministration;
import nl.doorstroom.identity.ApiTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The reception task through the API with the demo accounts' tokens, and every refusal as problem+json. */
@IntegrationTest
class ReceptionTaskApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AccountAdministration accounts;

    ApiClient api;
    String coordinator;
    String analyst;
    String province;
    String corporation;

    @BeforeEach
    void issueTokens() {
        api = new ApiClient(mvc, tokens, accounts);
        coordinator = api.token("coordinator");
        analyst = api.token("analyst");
        province = api.token("province-utrecht");
        corporation = api.token("corporation");
    }

    @Test
    void anAnalystSetsTheTotalComputesAndReadsTheTasks() throws Exception {
        var total = api.send(post("/api/v1/reception-task-totals"), analyst,
                "{\"total\": 70000, \"effectiveDate\": \"2093-01-01\", \"reason\": \"API-test\"}");
        var calculation = api.send(post("/api/v1/reception-task-calculations"), analyst,
                "{\"effectiveDate\": \"2093-01-02\", \"method\": \"sainte_lague\"}");
        var list = api.ok("/api/v1/reception-tasks?date=2093-01-02", analyst);

        assertThat(total.getStatus()).as(total.getContentAsString()).isEqualTo(201);
        assertThat(calculation.getStatus()).as(calculation.getContentAsString()).isEqualTo(201);
        assertThat(api.json(calculation).get("method").asString()).isEqualTo("SAINTE_LAGUE");
        assertThat(api.json(calculation).get("allocated").asLong()).isEqualTo(70_000);
        var json = api.json(list);
        assertThat(json.get("calculation").get("id").asLong()).isEqualTo(api.json(calculation).get("id").asLong());
        long sum = 0;
        for (var item : json.get("items")) {
            sum += item.get("task").asLong();
        }
        assertThat(sum).isEqualTo(70_000);
        assertThat(json.get("items").size()).isGreaterThan(300);
    }

    @Test
    void aProvinceReadsItsOwnMunicipalitiesAndAnUnknownProvinceIsAProblem() throws Exception {
        var own = api.json(api.ok("/api/v1/reception-tasks", province));
        var unknown = api.fetch("/api/v1/reception-tasks?province=PV99", coordinator);

        for (var item : own.get("items")) {
            assertThat(item.get("province").asString()).isEqualTo("PV26");
        }
        api.problem(unknown, 400);
        assertThat(api.names(unknown)).containsExactly("province");
    }

    @Test
    void aRefusedTotalNamesEveryField() throws Exception {
        var refused = api.send(post("/api/v1/reception-task-totals"), coordinator, "{\"total\": -5}");

        api.problem(refused, 400);
        assertThat(api.names(refused)).containsExactly("total", "effectiveDate", "reason");
    }

    @Test
    void anUnknownMethodIsAProblem() throws Exception {
        var refused = api.send(post("/api/v1/reception-task-calculations"), coordinator,
                "{\"effectiveDate\": \"2093-02-01\", \"method\": \"LOTTERY\"}");

        api.problem(refused, 400);
        assertThat(api.names(refused)).containsExactly("method");
    }

    @Test
    void importsAreAllOrNothingWithEveryBadRowAndAGoodFileIsCreated() throws Exception {
        var today = ReceptionTasks.today();
        var bad = "municipality,persons,reference_date\nGM0344,12,%s\nGM9999,1,%s\nGM0344,-4,2024-02-30\n"
                .formatted(today, today);
        var good = "municipality,persons,reference_date\nGM0355,31,%s\n".formatted(today);

        var refused = mvc.perform(post("/api/v1/ukrainian-reception-imports").header("Authorization", coordinator)
                .contentType("text/csv").content(bad.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
        var created = mvc.perform(multipart("/api/v1/ukrainian-reception-imports").file(new MockMultipartFile("file",
                "oekrainers.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8))).header("Authorization", coordinator))
                .andReturn().getResponse();
        var places = mvc.perform(post("/api/v1/municipal-reception-imports").header("Authorization", coordinator)
                .contentType("text/csv").content("municipality,places,reference_date\nGM0355,40,%s\n".formatted(today)
                        .getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();

        api.problem(refused, 400);
        var rows = new ArrayList<String>();
        api.json(refused).get("invalidParams").forEach(p -> rows.add(p.get("row").asInt() + ":" + p.get("name").asString()));
        assertThat(rows).containsExactly("3:municipality", "4:persons", "4:referenceDate");
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        assertThat(api.json(created).get("rows").asInt()).isEqualTo(1);
        assertThat(api.json(created).get("kind").asString()).isEqualTo("UKRAINIANS");
        assertThat(places.getStatus()).as(places.getContentAsString()).isEqualTo(201);
        assertThat(api.json(places).get("sum").asLong()).isEqualTo(40);
    }

    @Test
    void theEndpointsAreInTheOpenApiDocument() throws Exception {
        var document = api.json(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/openapi.json")).andReturn().getResponse());

        assertThat(document.get("paths").propertyNames()).contains("/api/v1/reception-task-totals",
                "/api/v1/reception-task-calculations", "/api/v1/reception-tasks", "/api/v1/municipal-reception-imports",
                "/api/v1/ukrainian-reception-imports");
    }

    @Test
    void rolesWithoutTheRightAreRefused() throws Exception {
        var read = api.fetch("/api/v1/reception-tasks", corporation);
        var total = api.send(post("/api/v1/reception-task-totals"), province,
                "{\"total\": 1, \"effectiveDate\": \"2093-01-01\", \"reason\": \"x\"}");

        assertThat(read.getStatus()).isEqualTo(403);
        assertThat(total.getStatus()).isEqualTo(403);
    }
}
