package nl.doorstroom.system;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.identity.AccountAdministration;
import nl.doorstroom.identity.ApiTokens;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class ApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    MunicipalityRegistry registry;

    String coordinator;
    String analyst;

    @BeforeEach
    void issueTokens() {
        coordinator = "Bearer " + tokens.issue(id("coordinator"), "api test", 1).secret();
        analyst = "Bearer " + tokens.issue(id("analyst"), "api test", 1).secret();
    }

    @Test
    void listsMunicipalitiesWithProvinceRegionAndPopulation() throws Exception {
        mvc.perform(get("/api/v1/municipalities").header("Authorization", analyst))
                .andExpect(status().isOk())
                .andExpect(header().string("API-Version", "1.0.0"))
                .andExpect(jsonPath("$", hasSize(342)))
                .andExpect(jsonPath("$[?(@.code == 'GM0363')].population").value(942504));
        mvc.perform(get("/api/v1/municipalities/GM0344").header("Authorization", analyst))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.province.code").value("PV26"))
                .andExpect(jsonPath("$.coaRegion").value("COA-3"))
                .andExpect(jsonPath("$.neighbours", hasSize(greaterThanOrEqualTo(5))));
        mvc.perform(get("/api/v1/provinces/PV26").header("Authorization", analyst))
                .andExpect(jsonPath("$.municipalityCount").value(26));
        mvc.perform(get("/api/v1/regions").header("Authorization", analyst))
                .andExpect(jsonPath("$[?(@.kind == 'COA_LINKING')]", hasSize(5)));
    }

    @Test
    void withoutATokenAnswers401AsProblemJson() throws Exception {
        problem(mvc.perform(get("/api/v1/municipalities")), 401);
        problem(mvc.perform(get("/api/v1/municipalities").header("Authorization", "Bearer dst_nonsense")), 401);
    }

    @Test
    void unknownMunicipalityAnswers404AsProblemJson() throws Exception {
        problem(mvc.perform(get("/api/v1/municipalities/GM9999").header("Authorization", analyst)), 404);
        problem(mvc.perform(get("/api/v1/municipalities/nonsense").header("Authorization", analyst)), 404);
    }

    @Test
    void aReadOnlyRoleMayNotImportAnswering403AsProblemJson() throws Exception {
        problem(mvc.perform(multipart("/api/v1/population-versions").file(csv("x")).param("referenceDate", "2023-01-01")
                .header("Authorization", analyst)), 403);
    }

    @Test
    void importWithBadRowsIsRefusedWithEveryProblemByRow() throws Exception {
        var body = "code;naam;bevolking\nGM0014;Groningen;-3\nGM9999;Nergens;10\n";

        problem(mvc.perform(multipart("/api/v1/population-versions").file(csv(body))
                .param("referenceDate", "2023-01-01").header("Authorization", coordinator)), 400)
                .andExpect(jsonPath("$.invalidParams[0].name").value("population"))
                .andExpect(jsonPath("$.invalidParams[0].row").value(2))
                .andExpect(jsonPath("$.invalidParams[0].reason").value(containsString("negatief")))
                .andExpect(jsonPath("$.invalidParams[1].row").value(3))
                .andExpect(jsonPath("$.invalidParams[1].code").value("population.code.unknown"))
                .andExpect(jsonPath("$.invalidParams", hasSize(2 + 341)));
    }

    @Test
    void answersInEnglishWhenAskedTo() throws Exception {
        problem(mvc.perform(multipart("/api/v1/population-versions").file(csv("code;naam;bevolking\n"))
                .param("referenceDate", "2023-01-01").header("Authorization", coordinator)
                .header("Accept-Language", "en")), 400)
                .andExpect(jsonPath("$.title").value("Invalid input"));
    }

    @Test
    void missingReferenceDateIsNamed() throws Exception {
        problem(mvc.perform(multipart("/api/v1/population-versions").file(csv("x")).header("Authorization", coordinator)), 400)
                .andExpect(jsonPath("$.invalidParams[0].name").value("referenceDate"));
    }

    @Test
    void importsAValidFileAndAnswers201WithTheNewVersion() throws Exception {
        var body = "code,name,population\n" + registry.all().stream()
                .map(m -> m.code().value() + ",\"" + m.name() + "\",1000").collect(Collectors.joining("\n"));

        mvc.perform(multipart("/api/v1/population-versions").file(csv(body)).param("referenceDate", "2022-01-01")
                        .param("label", "API-test").header("Authorization", coordinator))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/population-versions/")))
                .andExpect(jsonPath("$.total").value(342_000))
                .andExpect(jsonPath("$.referenceDate").value("2022-01-01"));
    }

    @Test
    void regionsCanBeDefinedChangedWithTheirVersionAndRemoved() throws Exception {
        var created = mvc.perform(post("/api/v1/regions").header("Authorization", coordinator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"API-regio\",\"municipalities\":[\"GM0344\",\"GM0355\"]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(0))
                .andReturn().getResponse().getContentAsString();
        var code = created.replaceAll(".*\"code\":\"([^\"]+)\".*", "$1");

        mvc.perform(put("/api/v1/regions/" + code).header("Authorization", coordinator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"API-regio\",\"municipalities\":[\"GM0344\"],\"version\":0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        problem(mvc.perform(put("/api/v1/regions/" + code).header("Authorization", coordinator)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Te laat\",\"municipalities\":[\"GM0344\"],\"version\":0}")), 409);
        problem(mvc.perform(post("/api/v1/regions").header("Authorization", coordinator)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\",\"municipalities\":[\"GM12\"]}")), 400)
                .andExpect(jsonPath("$.invalidParams[0].name").value("municipalities"));
        mvc.perform(delete("/api/v1/regions/" + code).param("version", "1").header("Authorization", coordinator))
                .andExpect(status().isNoContent());
    }

    @Test
    void servesOpenApiAtTheAgreedAddress() throws Exception {
        mvc.perform(get("/api/v1/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").exists())
                .andExpect(jsonPath("$.paths['/api/v1/municipalities']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/population-versions']").exists());
    }

    ResultActions problem(ResultActions result, int status) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    MockMultipartFile csv(String body) {
        return new MockMultipartFile("file", "bevolking.csv", "text/csv", body.getBytes(StandardCharsets.UTF_8));
    }

    long id(String username) {
        return accounts.accounts().stream().filter(a -> a.username().equals(username)).findFirst().orElseThrow().id();
    }
}
