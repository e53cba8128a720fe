package nl.doorstroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import nl.doorstroom.identity.AccountAdministration;
import nl.doorstroom.identity.ApiTokens;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API as a client calls it in integration tests: tokens of the demo accounts, JSON requests, and the
 * checks every API error shares (problem+json with a status and a title; every invalid parameter named,
 * with a reason).
 */
public final class ApiClient {

    private final MockMvc mvc;
    private final ApiTokens tokens;
    private final AccountAdministration accounts;
    private final JsonMapper json = JsonMapper.builder().build();

    public ApiClient(MockMvc mvc, ApiTokens tokens, AccountAdministration accounts) {
        this.mvc = mvc;
        this.tokens = tokens;
        this.accounts = accounts;
    }

    /** The Authorization header of a fresh token of a demo account. */
    public String token(String username) {
        var account = accounts.accounts().stream().filter(a -> a.username().equals(username)).findFirst().orElseThrow();
        return "Bearer " + tokens.issue(account.id(), "api test", 1).secret();
    }

    public MockHttpServletResponse send(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
        return mvc.perform(request.header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
    }

    public MockHttpServletResponse fetch(String path, String token) throws Exception {
        return mvc.perform(get(path).header("Authorization", token)).andReturn().getResponse();
    }

    public MockHttpServletResponse ok(String path, String token) throws Exception {
        var response = fetch(path, token);
        assertThat(response.getStatus()).as(path + ": " + response.getContentAsString()).isEqualTo(200);
        return response;
    }

    /** Every API error is problem+json with a status and a title; every invalid parameter has a name and a reason. */
    public void problem(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        var problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        if (problem.has("invalidParams")) {
            for (var p : problem.get("invalidParams")) {
                assertThat(p.get("name").asString()).isNotBlank();
                assertThat(p.get("reason").asString()).isNotBlank();
            }
        }
    }

    public JsonNode json(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    /** The names of the invalid parameters of a problem, in order. */
    public List<String> names(MockHttpServletResponse response) throws Exception {
        var names = new ArrayList<String>();
        json(response).get("invalidParams").forEach(p -> names.add(p.get("name").asString()));
        return names;
    }
}
