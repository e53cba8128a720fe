package nl.doorstroom.forecasting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import nl.doorstroom.ApiClient;
import nl.doorstroom.IntegrationTest;
import nl.doorstroom.identity.AccountAdministration;
import nl.doorstroom.identity.ApiTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Forecasts over the API: a scenario from the baseline, a run in the background, its bands and runway; problems. */
@IntegrationTest
class ForecastApiIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiTokens tokens;
    @Autowired
    AccountAdministration accounts;

    ApiClient api;
    String analyst;
    String officer;

    @BeforeEach
    void tokens() {
        api = new ApiClient(mvc, tokens, accounts);
        analyst = api.token("analyst");
        officer = api.token("municipality-utrecht");
    }

    @Test
    void aScenarioFromTheBaselineRunsInTheBackgroundAndGivesItsBandsAndRunway() throws Exception {
        var baseline = api.json(api.ok("/api/v1/forecast-scenarios/baseline", analyst));
        var parameters = baseline.get("parameters").toString();

        var created = api.send(post("/api/v1/forecast-scenarios"), analyst, """
                {"name": "API: basis", "startOn": "2026-11-30", "parameters": %s}""".formatted(parameters));
        long scenario = api.json(created).get("id").asLong();
        var started = api.send(post("/api/v1/forecast-runs"), analyst, """
                {"scenarios": [%d], "runs": 300, "seed": 5}""".formatted(scenario));
        long run = api.json(started).get(0).get("id").asLong();
        var result = api.json(api.ok("/api/v1/forecast-runs/" + run, officer));
        for (int i = 0; i < 300 && !result.get("status").asString().equals("DONE"); i++) {
            Thread.sleep(100);
            result = api.json(api.ok("/api/v1/forecast-runs/" + run, officer));
        }

        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        assertThat(created.getHeader("Location")).isEqualTo("/api/v1/forecast-scenarios/" + scenario);
        assertThat(started.getStatus()).as(started.getContentAsString()).isEqualTo(202);
        assertThat(result.get("status").asString()).isEqualTo("DONE");
        assertThat(result.get("done").asInt()).isEqualTo(300);
        var weeks = result.get("weeks");
        assertThat(weeks.size()).isEqualTo(baseline.get("parameters").get("horizonWeeks").asInt() + 1);
        var week = weeks.get(10).get("occupancy");
        assertThat(week.get("p10").asDouble()).isLessThanOrEqualTo(week.get("p50").asDouble());
        assertThat(week.get("p50").asDouble()).isLessThanOrEqualTo(week.get("p90").asDouble());
    }

    @Test
    void badParametersAreNamedAndAMissingRunIsNotFound() throws Exception {
        var baseline = api.json(api.ok("/api/v1/forecast-scenarios/baseline", analyst));
        var bad = baseline.get("parameters").toString().replaceFirst("\"grantShare\":[0-9.eE-]+", "\"grantShare\":3");

        var refused = api.send(post("/api/v1/forecast-scenarios"), analyst, """
                {"name": "", "startOn": "2026-11-30", "parameters": %s}""".formatted(bad));
        var missing = api.fetch("/api/v1/forecast-runs/999999", analyst);
        var notAllowed = api.send(post("/api/v1/forecast-runs"), officer, "{\"scenarios\": [1]}");

        api.problem(refused, 400);
        assertThat(api.names(refused)).contains("name", "grantShare");
        api.problem(missing, 404);
        api.problem(notAllowed, 403);
    }
}
