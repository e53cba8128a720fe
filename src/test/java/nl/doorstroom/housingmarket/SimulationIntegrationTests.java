package nl.doorstroom.housingmarket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import nl.doorstroom.ApiClient;
import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AccountAdministration;
import nl.doorstroom.identity.ApiTokens;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.Role;
import nl.doorstroom.permitholders.HouseholdForm;
import nl.doorstroom.permitholders.HouseholdRegister;
import nl.doorstroom.permitholders.Journeys;
import nl.doorstroom.permitholders.Member;
import nl.doorstroom.permitholders.Profile;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.MunicipalityCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/** Scenarios, the simulation of an area from the stored figures, the pages and the API, on the demo database. */
@IntegrationTest
class SimulationIntegrationTests {

    /** Houten (province of Utrecht): not served by the demo corporation account. */
    static final MunicipalityCode HOUTEN = MunicipalityCode.of("GM0321");
    static final int YEAR = LocalDate.now(AuditTrail.ZONE).getYear();

    @Autowired
    AllocationScenarios scenarios;

    @Autowired
    AllocationSimulations simulations;

    @Autowired
    HousingStocks stocks;

    @Autowired
    HouseholdRegister register;

    @Autowired
    Journeys journeys;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AccountAdministration accounts;

    ApiClient api;

    @BeforeEach
    void figuresAndHouseholdsForHouten() throws Exception {
        api = new ApiClient(mvc, tokens, accounts);
        as(Role.ADMINISTRATOR, () -> {
            long corporation = stocks.registerSyntheticCorporation("Simulatietest " + System.nanoTime(), null);
            var vacancies = new EnumMap<SizeBand, Integer>(SizeBand.class);
            vacancies.put(SizeBand.SMALL, 150);
            vacancies.put(SizeBand.MEDIUM, 120);
            vacancies.put(SizeBand.LARGE, 20);
            vacancies.put(SizeBand.EXTRA_LARGE, 1);
            var homes = new EnumMap<SizeBand, Integer>(SizeBand.class);
            vacancies.forEach((band, v) -> homes.put(band, v * 12));
            return stocks.change(corporation, HOUTEN, YEAR, 0, new FiguresForm(homes, vacancies, 30, 2500, 60.0, null));
        });
        var today = LocalDate.now(AuditTrail.ZONE);
        as(Role.COA_PLANNER, () -> {
            for (int persons : List.of(2, 4, 6)) {
                long id = register.register(household("SIM-" + System.nanoTime(), today.minusDays(40), persons));
                journeys.link(id, 0, HOUTEN, today.minusDays(30));
            }
            return null;
        });
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSavedScenarioIsSimulatedAtEveryShareAgainstTheCurrentOne() throws Exception {
        long id = as(Role.MINISTRY_ANALYST, () -> scenarios.create(draft("Houten hoger", List.of(0.1, 0.6))));

        var scenario = as(Role.MINISTRY_ANALYST, () -> scenarios.find(id)).orElseThrow();
        var result = as(Role.MINISTRY_ANALYST, () -> simulations.run(scenario));

        assertThat(scenario.createdBy()).isEqualTo("test-ministry_analyst");
        assertThat(result.hasFigures()).isTrue();
        assertThat(result.awaiting()).containsKeys(2, 4, 6);
        var runs = result.comparison().runs();
        assertThat(runs).extracting(r -> r.share()).containsExactly(0.1, 0.6);
        assertThat(runs.get(1).simulation().last().housedPersons())
                .isGreaterThanOrEqualTo(runs.get(0).simulation().last().housedPersons());
        assertThat(runs.get(1).extraWaitAtEnd()).isGreaterThanOrEqualTo(runs.get(0).extraWaitAtEnd());
        for (var run : runs) {
            assertThat(run.simulation().totalToPermitHolders() + run.simulation().totalToRegular())
                    .isCloseTo(run.simulation().totalHomes(), org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void municipalitiesWithoutFiguresBringNeitherQuotaNorHouseholdsIntoAnArea() throws Exception {
        // In 2005 only Houten of the province of Utrecht has market figures (the demo reports recent years only):
        // the province's simulation must then be Houten's, not Houten's vacancies against the whole province's quota.
        int year = 2005;
        as(Role.ADMINISTRATOR, () -> {
            long corporation = stocks.registerSyntheticCorporation("Simulatietest oud " + System.nanoTime(), null);
            var vacancies = new EnumMap<SizeBand, Integer>(SizeBand.class);
            vacancies.put(SizeBand.SMALL, 150);
            vacancies.put(SizeBand.MEDIUM, 120);
            vacancies.put(SizeBand.LARGE, 20);
            vacancies.put(SizeBand.EXTRA_LARGE, 1);
            var homes = new EnumMap<SizeBand, Integer>(SizeBand.class);
            vacancies.forEach((band, v) -> homes.put(band, v * 12));
            return stocks.change(corporation, HOUTEN, year, 0, new FiguresForm(homes, vacancies, 30, 2500, 60.0, null));
        });

        var province = as(Role.MINISTRY_ANALYST, () -> simulations.run(SimulationArea.of(
                nl.doorstroom.shared.ProvinceCode.of("PV26")), year, List.of(0.2), Map.of(), 8, null));
        var houten = as(Role.MINISTRY_ANALYST, () -> simulations.run(SimulationArea.of(HOUTEN), year, List.of(0.2),
                Map.of(), 8, null));

        assertThat(province.figures().withoutFigures()).isNotEmpty().doesNotContain(HOUTEN);
        assertThat(province.correctedQuota()).isEqualTo(houten.correctedQuota());
        assertThat(province.housedSoFar()).isEqualTo(houten.housedSoFar());
        assertThat(province.awaiting()).isEqualTo(houten.awaiting());
        assertThat(province.newLinksPerWeek()).isEqualTo(houten.newLinksPerWeek());
        long id = as(Role.MINISTRY_ANALYST, () -> scenarios.create(new ScenarioDraft("Utrecht 2005", null, "PV26", year,
                List.of(0.2), Map.of(), 8, null)));
        var page = mvc.perform(get("/housing-market/simulations/" + id)
                .with(authentication(TestUsers.signedIn(Role.MINISTRY_ANALYST)))).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("id=\"without-figures\"", "geen marktcijfers voor 2005");
    }

    @Test
    void scopeDecidesWhoSeesAndWhoMakesAScenario() throws Exception {
        long id = as(Role.NATIONAL_COORDINATOR, () -> scenarios.create(draft("Houten scope", List.of(0.2))));

        assertThat(as(Role.PROVINCE_SUPERVISOR, () -> scenarios.find(id))).isPresent();
        // The test corporation serves Utrecht and Zeist, not Houten.
        assertThat(as(Role.HOUSING_CORPORATION, () -> scenarios.find(id))).isEmpty();
        assertThatThrownBy(() -> as(Role.HOUSING_CORPORATION, () -> scenarios.create(draft("Niet van ons", List.of(0.2)))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(Role.PROVINCE_SUPERVISOR, () -> scenarios.create(draft("Geen auteur", List.of(0.2)))))
                .isInstanceOf(AccessDeniedException.class);
        var own = new ScenarioDraft("Utrecht van de corporatie", null, "GM0344", null, List.of(0.3), Map.of(), 8, null);
        long owned = as(Role.HOUSING_CORPORATION, () -> scenarios.create(own));
        assertThat(owned).isPositive();
        assertThat(as(Role.HOUSING_CORPORATION, () -> scenarios.change(owned, 0, own)).version()).isEqualTo(1);
        // The ministry's scenario of a municipality the corporation serves is the ministry's to change.
        var ministrys = new ScenarioDraft("Utrecht van het ministerie", null, "GM0344", null, List.of(0.4), Map.of(), 8, null);
        long theirs = as(Role.MINISTRY_ANALYST, () -> scenarios.create(ministrys));
        assertThatThrownBy(() -> as(Role.HOUSING_CORPORATION, () -> scenarios.change(theirs, 0, own)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(Role.MINISTRY_ANALYST, () -> scenarios.find(theirs)).orElseThrow().name())
                .isEqualTo("Utrecht van het ministerie");
    }

    @Test
    void aStaleVersionIsRefused() throws Exception {
        long id = as(Role.NATIONAL_COORDINATOR, () -> scenarios.create(draft("Houten versie", List.of(0.2))));
        as(Role.NATIONAL_COORDINATOR, () -> scenarios.change(id, 0, draft("Houten versie 2", List.of(0.25))));

        assertThatThrownBy(() -> as(Role.NATIONAL_COORDINATOR,
                () -> scenarios.change(id, 0, draft("Houten versie 3", List.of(0.3)))))
                .isInstanceOf(EditConflict.class);
        assertThat(as(Role.NATIONAL_COORDINATOR, () -> scenarios.find(id)).orElseThrow().name()).isEqualTo("Houten versie 2");
    }

    @Test
    void theScenarioPageShowsEveryPartAndTheLinkToAnActionItem() throws Exception {
        long id = as(Role.MINISTRY_ANALYST, () -> scenarios.create(draft("Houten pagina", List.of(0.15, 0.3))));

        var page = mvc.perform(get("/housing-market/simulations/" + id)
                .with(authentication(TestUsers.signedIn(Role.MINISTRY_ANALYST)))).andReturn().getResponse();

        assertThat(page.getStatus()).isEqualTo(200);
        var html = page.getContentAsString();
        assertThat(html).contains("/governance/action-items/new?link=ALLOCATION_SCENARIO:" + id, "Koppel aan actiepunt",
                "id=\"tradeoff-chart\"", "id=\"tornado-chart\"", "id=\"needed-share\"", "id=\"summary\"",
                "id=\"sensitivity\"", "Het model en zijn aannames");
        var list = mvc.perform(get("/housing-market/simulations")
                .with(authentication(TestUsers.signedIn(Role.MINISTRY_ANALYST)))).andReturn().getResponse();
        assertThat(list.getStatus()).isEqualTo(200);
        assertThat(list.getContentAsString()).contains("Houten pagina");
        var needed = mvc.perform(get("/housing-market/needed-share?area=PV26")
                .with(authentication(TestUsers.signedIn(Role.PROVINCE_SUPERVISOR)))).andReturn().getResponse();
        assertThat(needed.getStatus()).isEqualTo(200);
        assertThat(needed.getContentAsString()).contains("Houten");
    }

    @Test
    void aFormWithBadSharesComesBackWithTheProblemNamed() throws Exception {
        var page = mvc.perform(post("/housing-market/simulations").param("name", "Fout").param("area", "GM0321")
                .param("shares", "10 abc 120").with(authentication(TestUsers.signedIn(Role.MINISTRY_ANALYST)))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn().getResponse();

        assertThat(page.getStatus()).isEqualTo(400);
        assertThat(page.getContentAsString()).contains("abc").contains("is geen percentage");
    }

    @Test
    void theApiSavesRunsAndRefusesAsProblems() throws Exception {
        var token = api.token("analyst");

        var created = api.send(post("/api/v1/allocation-scenarios"), token,
                "{\"name\":\"Houten API\",\"area\":\"GM0321\",\"shares\":[0.1,0.4],\"extraHomesPerWeek\":{\"LARGE\":0.5}}");
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        long id = api.json(created).get("id").asLong();
        var result = api.json(api.ok("/api/v1/allocation-scenarios/" + id + "/result", token));
        assertThat(result.get("runs")).hasSize(2);
        assertThat(result.get("tradeOff")).hasSize(2);
        assertThat(result.get("runs").get(0).get("weeks").size()).isEqualTo(result.get("weeks").asInt());
        assertThat(result.get("sensitivity")).hasSize(6);
        assertThat(result.has("neededShare")).isTrue();

        var stale = api.send(put("/api/v1/allocation-scenarios/" + id), token,
                "{\"name\":\"Houten API\",\"area\":\"GM0321\",\"shares\":[0.2],\"version\":7}");
        api.problem(stale, 409);
        var bad = api.send(post("/api/v1/allocation-scenarios"), token, "{\"name\":\"\",\"area\":\"XX\",\"shares\":[1.5]}");
        api.problem(bad, 400);
        assertThat(api.names(bad)).contains("name", "area", "shares");
        api.problem(api.fetch("/api/v1/allocation-scenarios/999999999", token), 404);
        var needed = api.json(api.ok("/api/v1/needed-allocation-shares?municipality=GM0321", token));
        assertThat(needed).hasSize(1);
        assertThat(needed.get(0).get("code").asString()).isEqualTo("GM0321");
        assertThat(needed.get(0).get("needed").isNull()).isFalse();
    }

    static ScenarioDraft draft(String name, List<Double> shares) {
        return new ScenarioDraft(name, "Test", HOUTEN.value(), YEAR, shares, Map.of(), null, 1.0);
    }

    static <T> T as(Role role, Callable<T> work) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(TestUsers.signedIn(role));
        try {
            return work.call();
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    static HouseholdForm household(String reference, LocalDate permit, int persons) {
        var members = new ArrayList<Member>();
        members.add(new Member(Member.AgeBand.A30_44, Member.Sex.F, Member.Role.HEAD));
        while (members.size() < persons) {
            members.add(new Member(Member.AgeBand.A5_11, Member.Sex.M, Member.Role.CHILD));
        }
        return new HouseholdForm(reference, "azc Simulatie", MunicipalityCode.of("GM0307"), permit,
                new Profile("Dari", Profile.Education.PRIMARY, Profile.WorkExperience.NONE, Profile.Limitation.NONE),
                members, List.of());
    }
}
