package nl.doorstroom.housingmarket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

import nl.doorstroom.ApiClient;
import nl.doorstroom.IntegrationTest;
import nl.doorstroom.identity.AccountAdministration;
import nl.doorstroom.identity.ApiTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The housing market through the API with the demo accounts' tokens: corporations, a corporation's figures, changing
 * a row with the version read (409 with what is stored now), the all-or-nothing import as CSV body or multipart, the
 * market of an area, and every refusal as problem+json. The tests write rows of 2024 only.
 */
@IntegrationTest
class MarketApiIntegrationTests {

    static final String EXAMPLE = "Woonstichting Voorbeeld (synthetisch)";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AccountAdministration accounts;

    ApiClient api;
    String coordinator;
    String corporation;
    String province;
    String municipality;

    @BeforeEach
    void issueTokens() {
        api = new ApiClient(mvc, tokens, accounts);
        coordinator = api.token("coordinator");
        corporation = api.token("corporation");
        province = api.token("province-utrecht");
        municipality = api.token("municipality-utrecht");
    }

    long corporationId(String name) throws Exception {
        for (var c : api.json(api.ok("/api/v1/housing-corporations", coordinator))) {
            if (c.get("name").asString().equals(name)) {
                return c.get("id").asLong();
            }
        }
        var created = api.send(post("/api/v1/housing-corporations"), coordinator, "{\"name\": \"" + name + "\"}");
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        return api.json(created).get("id").asLong();
    }

    static String row(int version, int homes, int allocated) {
        return """
                {"version": %d, "homes": {"SMALL": %d, "MEDIUM": 80, "LARGE": 30, "EXTRA_LARGE": 5},
                 "vacancies": {"SMALL": 8, "MEDIUM": 5, "LARGE": 2, "EXTRA_LARGE": 0}, "allocated": %d,
                 "activeSeekers": 900, "medianWaitMonths": 72.5}""".formatted(version, homes, allocated);
    }

    @Test
    void aCorporationSeesItselfAndChangesItsOwnRowWithTheVersionRead() throws Exception {
        var listed = api.json(api.ok("/api/v1/housing-corporations", corporation));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("name").asString()).isEqualTo(EXAMPLE);
        long own = listed.get(0).get("id").asLong();
        long other = corporationId("Testcorporatie Api Ander");

        var entered = api.send(put("/api/v1/housing-corporations/" + own + "/market-figures/2024/GM0353"), corporation,
                row(0, 100, 3));
        assertThat(entered.getStatus()).as(entered.getContentAsString()).isEqualTo(200);
        var body = api.json(entered);
        int version = body.get("version").asInt();
        assertThat(body.get("allocationShare").asDouble()).isEqualTo(3.0 / 15);
        assertThat(body.get("municipalityName").asString()).isEqualTo("IJsselstein");

        var changed = api.send(put("/api/v1/housing-corporations/" + own + "/market-figures/2024/GM0353"), corporation,
                row(version, 110, 4));
        var stale = api.send(put("/api/v1/housing-corporations/" + own + "/market-figures/2024/GM0353"), coordinator,
                row(version, 120, 4));
        assertThat(api.json(changed).get("version").asInt()).isEqualTo(version + 1);
        api.problem(stale, 409);
        assertThat(api.json(stale).get("current").get("homes").get("SMALL").asInt()).isEqualTo(110);
        assertThat(api.json(stale).get("current").get("version").asInt()).isEqualTo(version + 1);

        var notServed = api.send(put("/api/v1/housing-corporations/" + own + "/market-figures/2024/GM0363"), corporation,
                row(0, 100, 3));
        var otherCorporation = api.send(put("/api/v1/housing-corporations/" + other + "/market-figures/2024/GM0344"),
                corporation, row(0, 100, 3));
        var readOther = api.fetch("/api/v1/housing-corporations/" + other + "/market-figures?year=2024", corporation);
        api.problem(notServed, 403);
        api.problem(otherCorporation, 404);
        api.problem(readOther, 404);
        var byAnalyst = api.send(put("/api/v1/housing-corporations/" + own + "/market-figures/2024/GM0353"),
                api.token("analyst"), row(version + 1, 100, 3));
        api.problem(byAnalyst, 403);
    }

    @Test
    void badFiguresNameEveryField() throws Exception {
        long id = corporationId("Testcorporatie Api Velden");
        var refused = api.send(put("/api/v1/housing-corporations/" + id + "/market-figures/2024/GM0344"), coordinator, """
                {"version": 0, "homes": {"SMALL": -1, "MEDIUM": 1, "LARGE": 1}, "vacancies": {"SMALL": 1, "MEDIUM": 0,
                 "LARGE": 0, "EXTRA_LARGE": 0}, "allocated": 2, "medianWaitMonths": 900}""");
        api.problem(refused, 400);
        assertThat(api.names(refused)).containsExactly("homes.SMALL", "homes.EXTRA_LARGE", "allocated", "activeSeekers",
                "medianWaitMonths");
        var noVersion = api.send(put("/api/v1/housing-corporations/" + id + "/market-figures/2024/GM0344"), coordinator,
                "{}");
        api.problem(noVersion, 400);
        assertThat(api.names(noVersion)).containsExactly("version");
        var badYear = api.send(put("/api/v1/housing-corporations/" + id + "/market-figures/1990/GM0344"), coordinator,
                row(0, 1, 0));
        api.problem(badYear, 400);
        assertThat(api.names(badYear)).containsExactly("year");
    }

    @Test
    void anImportIsAllOrNothingAsCsvBodyOrMultipart() throws Exception {
        long id = corporationId("Testcorporatie Api Import");
        var header = HousingStocks.importHeader() + "\n";
        var refused = csv(id, coordinator, header + "GM0344;1;1;1;1;1;1;1;1;0;1;1;\nGM9999;1;1;1;1;1;1;1;1;9;1;1;\n");
        api.problem(refused, 400);
        var problems = new ArrayList<String>();
        api.json(refused).get("invalidParams").forEach(p -> problems.add(p.get("row").asInt() + ":" + p.get("name").asString()));
        assertThat(problems).containsExactly("3:gemeentecode", "3:toegewezen_vergunninghouders");
        assertThat(api.json(api.ok("/api/v1/housing-corporations/" + id + "/market-figures?year=2024", coordinator)))
                .isEmpty();

        var imported = csv(id, coordinator, header + "GM0344;1.000;800;300;50;70;50;20;3;14;9.000;84,5;900\n");
        assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(201);
        assertThat(api.json(imported).get("rows").asInt()).isEqualTo(1);
        assertThat(api.json(imported).get("replaced").asInt()).isZero();

        var file = new MockMultipartFile("file", "cijfers.csv", "text/csv",
                (header + "GM0344;1.100;800;300;50;70;50;20;3;14;9.000;84,5;900\nGM0355;10;10;10;10;1;1;1;1;0;100;30;\n")
                        .getBytes(StandardCharsets.UTF_8));
        var again = mvc.perform(multipart("/api/v1/housing-corporations/" + id + "/market-figures/imports")
                .file(file).param("year", "2024").header("Authorization", coordinator)).andReturn().getResponse();
        assertThat(again.getStatus()).as(again.getContentAsString()).isEqualTo(201);
        assertThat(api.json(again).get("rows").asInt()).isEqualTo(2);
        assertThat(api.json(again).get("replaced").asInt()).isEqualTo(1);

        var figures = api.json(api.ok("/api/v1/housing-corporations/" + id + "/market-figures?year=2024", coordinator));
        assertThat(figures.findValuesAsString("municipality")).containsExactly("GM0344", "GM0355");
        assertThat(figures.get(0).get("homes").get("SMALL").asInt()).isEqualTo(1100);
        assertThat(api.json(api.ok("/api/v1/housing-corporations/" + id + "/market-figures/imports", coordinator)))
                .hasSize(2);
        api.problem(csv(id, corporation, header), 404);
        api.problem(csv(id, province, header), 403);
        api.problem(csv(id, coordinator, "niets"), 400);
    }

    @Test
    void theMarketOfAnAreaIsSummedWithinTheReadersScope() throws Exception {
        var nation = api.json(api.ok("/api/v1/market-figures?year=2026", coordinator));
        assertThat(nation.get("kind").asString()).isEqualTo("NATION");
        assertThat(nation.get("municipalities")).hasSize(342);
        assertThat(nation.get("withoutFigures")).isEmpty();
        assertThat(nation.get("synthetic").asBoolean()).isTrue();
        assertThat(nation.get("allocationShare").asDouble()).isBetween(0.08, 0.15);
        assertThat(nation.get("totalHomes").asLong()).isEqualTo(nation.get("homes").get("SMALL").asLong()
                + nation.get("homes").get("MEDIUM").asLong() + nation.get("homes").get("LARGE").asLong()
                + nation.get("homes").get("EXTRA_LARGE").asLong());

        var utrecht = api.json(api.ok("/api/v1/market-figures?year=2026&province=pv26", coordinator));
        var own = api.json(api.ok("/api/v1/market-figures?year=2026", province));
        assertThat(own.get("kind").asString()).isEqualTo("PROVINCE");
        assertThat(own.get("totalHomes").asLong()).isEqualTo(utrecht.get("totalHomes").asLong());
        assertThat(own.get("totalHomes").asLong()).isLessThan(nation.get("totalHomes").asLong());

        var city = api.json(api.ok("/api/v1/market-figures?year=2026", municipality));
        assertThat(city.get("kind").asString()).isEqualTo("MUNICIPALITY");
        assertThat(city.get("municipalities").get(0).asString()).isEqualTo("GM0344");
        // The corporation sees its own 60% of Utrecht only, not Stadswonen Randstad's part.
        var corporationsPart = api.json(api.ok("/api/v1/market-figures?year=2026&municipality=GM0344", corporation));
        assertThat(corporationsPart.get("totalHomes").asLong()).isBetween((long) (city.get("totalHomes").asLong() * 0.55),
                (long) (city.get("totalHomes").asLong() * 0.65));

        api.problem(api.fetch("/api/v1/market-figures?year=2026&province=PV27", province), 403);
        api.problem(api.fetch("/api/v1/market-figures?province=PV26&municipality=GM0344", coordinator), 400);
        api.problem(api.fetch("/api/v1/market-figures?province=PV99", coordinator), 400);
        api.problem(api.fetch("/api/v1/market-figures?year=twee", coordinator), 400);
    }

    private MockHttpServletResponse csv(long id, String token, String body) throws Exception {
        return mvc.perform(post("/api/v1/housing-corporations/" + id + "/market-figures/imports").param("year", "2024")
                .header("Authorization", token).contentType("text/csv").content(body.getBytes(StandardCharsets.UTF_8)))
                .andReturn().getResponse();
    }
}
