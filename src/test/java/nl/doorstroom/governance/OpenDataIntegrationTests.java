package nl.doorstroom.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import nl.doorstroom.ApiClient;
import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AccountAdministration;
import nl.doorstroom.identity.ApiTokens;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.Role;
import nl.doorstroom.permitholders.HouseholdFilter;
import nl.doorstroom.permitholders.HouseholdRegister;
import nl.doorstroom.permitholders.HouseholdRow;
import nl.doorstroom.progress.ProgressMonitor;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.MunicipalityCode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The open data set on the demo data: reference date and period in every file, the progress figures, no personal data. */
@IntegrationTest
class OpenDataIntegrationTests {

    static final LocalDate TODAY = LocalDate.now(AuditTrail.ZONE);
    static final HalfYear CURRENT = HalfYear.containing(TODAY);
    /** The period as the download's address may write it: 2026-H2. */
    static final String CURRENT_H = CURRENT.year() + "-H" + CURRENT.half();

    /** Words that would make a column about a person rather than a municipality. */
    static final Set<String> PERSONAL_WORDS = Set.of("household", "households", "person", "persons",
            "member", "members", "bsn", "vnumber", "birth", "age", "sex", "gender", "nationality", "language",
            "education", "first", "last", "surname", "initials", "email", "phone", "address", "contact", "assignee",
            "officer", "user", "username", "actor", "id", "permit");

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiTokens tokens;
    @Autowired
    AccountAdministration accounts;
    @Autowired
    ProgressMonitor progress;
    @Autowired
    HouseholdRegister register;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(mvc, tokens, accounts);
    }

    @Test
    void theCsvStatesItsReferenceDateAndPeriodInTheNameTheFirstLineAndEveryRow() throws Exception {
        var response = page("/open-data/figures.csv?period=" + CURRENT_H, Role.MUNICIPALITY_OFFICER);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition")).contains("attachment")
                .contains("doorstroom-open-data-" + CURRENT + "-peildatum-" + TODAY + ".csv");
        var lines = csv(response);
        assertThat(lines.get(0).get(0)).contains(CURRENT.toString()).contains(TODAY.toString())
                .contains("Synthetische demonstratiegegevens");
        assertThat(lines.get(1).toList()).isEqualTo(OpenDataColumn.names()).startsWith("reference_date", "period");
        var rows = lines.subList(2, lines.size());
        assertThat(rows).hasSize(progress.at(TODAY).municipalities().size());
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get(0)).isEqualTo(TODAY.toString());
            assertThat(r.get(1)).isEqualTo(CURRENT.toString());
            assertThat(r.get(OpenDataColumn.names().indexOf("synthetic"))).isEqualTo("true");
        });
    }

    @Test
    void theJsonAndTheApiStateTheReferenceDateAndPeriodAndAreFlaggedSynthetic() throws Exception {
        var download = page("/open-data/figures.json?period=" + CURRENT, Role.HOUSING_CORPORATION);
        var fromApi = api.ok("/api/v1/open-data/municipal-figures?period=" + CURRENT_H, api.token("corporation"));

        for (var response : List.of(download, fromApi)) {
            assertThat(response.getHeader("Content-Disposition"))
                    .contains("doorstroom-open-data-" + CURRENT + "-peildatum-" + TODAY + ".json");
            var json = api.json(response);
            assertThat(json.get("referenceDate").asString()).isEqualTo(TODAY.toString());
            assertThat(json.get("period").asString()).isEqualTo(CURRENT.toString());
            assertThat(json.get("synthetic").asBoolean()).isTrue();
            assertThat(json.get("municipalities").size()).isEqualTo(progress.at(TODAY).municipalities().size());
            json.get("municipalities").forEach(m -> {
                assertThat(m.get("referenceDate").asString()).isEqualTo(TODAY.toString());
                assertThat(m.get("period").asString()).isEqualTo(CURRENT.toString());
            });
        }
    }

    @Test
    void theFiguresEqualTheProgressMonitorsForAFewMunicipalities() throws Exception {
        var previous = CURRENT.previous();
        var picture = progress.at(TODAY);
        var json = api.json(api.ok("/api/v1/open-data/municipal-figures?period=" + previous, api.token("analyst")));
        var csv = csv(page("/open-data/figures.csv?period=" + previous, Role.COA_PLANNER));
        var names = OpenDataColumn.names();

        for (var code : List.of("GM0344", "GM0363", "GM0014", "GM0355")) {
            var expected = picture.municipality(MunicipalityCode.of(code)).orElseThrow().history().stream()
                    .filter(p -> p.period().equals(previous)).findFirst().orElseThrow();
            var row = csv.stream().filter(r -> r.size() > 2 && r.get(2).equals(code)).findFirst().orElseThrow();
            assertThat(Long.parseLong(row.get(names.indexOf("quota")))).isEqualTo(expected.quota());
            assertThat(Long.parseLong(row.get(names.indexOf("carry_over")))).isEqualTo(expected.carriedIn());
            assertThat(Long.parseLong(row.get(names.indexOf("corrected_quota")))).isEqualTo(expected.correctedQuota());
            assertThat(Long.parseLong(row.get(names.indexOf("housed")))).isEqualTo(expected.housed());
            assertThat(Long.parseLong(row.get(names.indexOf("shortfall")))).isEqualTo(expected.shortfall());
            assertThat(row.get(names.indexOf("assessment_colour"))).isEqualTo(expected.colour().name());
            var fromApi = stream(json.get("municipalities")).filter(m -> m.get("municipalityCode").asString().equals(code))
                    .findFirst().orElseThrow();
            assertThat(fromApi.get("correctedQuota").asLong()).isEqualTo(expected.correctedQuota());
            assertThat(fromApi.get("housed").asLong()).isEqualTo(expected.housed());
            assertThat(fromApi.get("realisationPercent").asDouble())
                    .isCloseTo(expected.realisationPercent(), org.assertj.core.data.Offset.offset(0.05));
        }
    }

    /** The demo's commitments (and every test's) are made in the last two months: a year ago there were none. */
    @Test
    void commitmentsCountInTheHalfYearTheyWereMadeIn() throws Exception {
        var names = OpenDataColumn.names();
        var yearAgo = csv(page("/open-data/figures.csv?period=" + CURRENT.previous().previous(), Role.COA_PLANNER));
        var previous = csv(page("/open-data/figures.csv?period=" + CURRENT.previous(), Role.COA_PLANNER));
        var current = csv(page("/open-data/figures.csv?period=" + CURRENT_H, Role.COA_PLANNER));

        assertThat(decided(yearAgo, names)).isZero();
        assertThat(decided(previous, names) + decided(current, names)).isPositive();
    }

    private static long decided(List<CSVRecord> csv, List<String> names) {
        int column = names.indexOf("commitments_decided");
        return csv.stream().filter(r -> r.size() > column && r.get(column).matches("\\d+"))
                .mapToLong(r -> Long.parseLong(r.get(column))).sum();
    }

    @Test
    void noPersonalFieldAppearsInAnyDownload() throws Exception {
        var households = TestUsers.as(Role.COA_PLANNER,
                () -> register.export(new HouseholdFilter(null, null, null, null, null, null, null, null)));
        assertThat(households).hasSizeGreaterThan(1000);
        var csv = page("/open-data/figures.csv?period=" + CURRENT, Role.NATIONAL_COORDINATOR)
                .getContentAsString(StandardCharsets.UTF_8);
        var json = api.fetch("/api/v1/open-data/municipal-figures", api.token("coordinator"))
                .getContentAsString(StandardCharsets.UTF_8);
        var previousCsv = page("/open-data/figures.csv?period=" + CURRENT.previous(), Role.NATIONAL_COORDINATOR)
                .getContentAsString(StandardCharsets.UTF_8);

        var columns = new ArrayList<String>(OpenDataColumn.names());
        api.json(api.ok("/api/v1/open-data/municipal-figures", api.token("coordinator"))).get("municipalities").get(0)
                .propertyNames().forEach(columns::add);
        assertThat(columns).allSatisfy(c -> assertThat(words(c)).as(c).doesNotContainAnyElementsOf(PERSONAL_WORDS));
        // A reference is a COA reference, unless it is the reference date of the figures.
        assertThat(columns).filteredOn(c -> words(c).contains("reference"))
                .allSatisfy(c -> assertThat(c).isIn("reference_date", "referenceDate"));
        for (var text : List.of(csv, json, previousCsv)) {
            // References are DEMO-... strings: none may occur anywhere in a file.
            assertThat(households).map(HouseholdRow::reference).allSatisfy(ref -> assertThat(text).doesNotContain(ref));
            assertThat(text).doesNotContain("DEMO-");
        }
    }

    @Test
    void theDataDictionaryCoversEveryColumnInBothLanguages() throws Exception {
        var dictionary = api.json(api.ok("/api/v1/open-data/data-dictionary", api.token("municipality-utrecht")));
        var figures = api.json(api.ok("/api/v1/open-data/municipal-figures", api.token("municipality-utrecht")));
        var csvHeader = csv(page("/open-data/figures.csv", Role.MUNICIPALITY_OFFICER)).get(1).toList();

        var names = stream(dictionary).map(e -> e.get("name").asString()).toList();
        var jsonNames = stream(dictionary).map(e -> e.get("jsonName").asString()).toList();
        assertThat(names).isEqualTo(csvHeader);
        assertThat(jsonNames).containsExactlyElementsOf(figures.get("municipalities").get(0).propertyNames());
        dictionary.forEach(e -> {
            for (var part : List.of("definition", "source")) {
                var nl = e.get(part).get("nl").asString();
                var en = e.get(part).get("en").asString();
                assertThat(nl).as(e.get("name") + " " + part).isNotBlank().doesNotStartWith("governance.");
                assertThat(en).as(e.get("name") + " " + part).isNotBlank().doesNotStartWith("governance.");
            }
            assertThat(e.get("definition").get("nl").asString()).isNotEqualTo(e.get("definition").get("en").asString());
            assertThat(e.get("type").asString()).isIn("string", "date", "integer", "decimal", "boolean");
        });
        var page = mvc.perform(get("/open-data").with(authentication(TestUsers.signedIn(Role.HOUSING_CORPORATION))))
                .andReturn().getResponse().getContentAsString();
        names.forEach(n -> assertThat(page).contains("<code>" + n + "</code>"));
    }

    @Test
    void aPeriodThatIsNoHalfYearOrHasNoFiguresIsRefusedNamingIt() throws Exception {
        var token = api.token("analyst");

        var bad = api.fetch("/api/v1/open-data/municipal-figures?period=2026-Q3", token);
        var future = api.fetch("/api/v1/open-data/municipal-figures?period=" + CURRENT.next().next(), token);

        api.problem(bad, 400);
        assertThat(api.names(bad)).containsExactly("period");
        api.problem(future, 400);
        assertThat(api.names(future)).containsExactly("period");
    }

    private MockHttpServletResponse page(String path, Role role) throws Exception {
        return mvc.perform(get(path).with(authentication(TestUsers.signedIn(role)))).andReturn().getResponse();
    }

    private static List<CSVRecord> csv(MockHttpServletResponse response) throws Exception {
        var text = response.getContentAsString(StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (var parser = CSVFormat.RFC4180.parse(new StringReader(text))) {
            return parser.getRecords();
        }
    }

    private static List<String> words(String column) {
        return Arrays.stream(column.split("_|(?<=[a-z])(?=[A-Z])")).map(w -> w.toLowerCase(java.util.Locale.ROOT))
                .toList();
    }

    private static java.util.stream.Stream<tools.jackson.databind.JsonNode> stream(tools.jackson.databind.JsonNode array) {
        var list = new ArrayList<tools.jackson.databind.JsonNode>();
        array.forEach(list::add);
        return list.stream();
    }
}
