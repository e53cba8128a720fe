package nl.doorstroom.permitholders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
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

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AccountAdministration;
import nl.doorstroom.identity.ApiTokens;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.shared.MunicipalityCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Households through the API with the demo accounts' tokens, on embedded PostgreSQL with the demo data:
 * the journey step by step, problems named as the client sent them, conflicts, imports, scopes and the audit.
 */
@IntegrationTest
class HouseholdApiIntegrationTests {

    static final String AMERSFOORT = "GM0307";
    static final String UTRECHT = "GM0344";
    static final String AMSTERDAM = "GM0363";
    static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    String coa;
    String utrecht;
    String province;
    String analyst;
    String corporation;
    String coordinator;

    @BeforeEach
    void issueTokens() {
        coa = token("coa");
        utrecht = token("municipality-utrecht");
        province = token("province-utrecht");
        analyst = token("analyst");
        corporation = token("corporation");
        coordinator = token("coordinator");
    }

    @Test
    void aHouseholdIsRegisteredLinkedOfferedAHomeAndMovesInThroughTheApi() throws Exception {
        var today = today();
        var reference = reference();

        var registered = send(post("/api/v1/households"), coa, household(reference, today.minusDays(30)));
        long id = json(registered).get("id").asLong();
        var linked = send(post("/api/v1/households/" + id + "/links"), coa,
                "{\"version\": 0, \"municipality\": \"" + UTRECHT + "\", \"date\": \"" + today.minusDays(20) + "\"}");
        var offered = send(post("/api/v1/households/" + id + "/offers"), utrecht,
                "{\"version\": 1, \"date\": \"" + today.minusDays(5) + "\", \"district\": \"Overvecht\", \"rooms\": 3}");
        var moved = send(post("/api/v1/households/" + id + "/moves"), utrecht,
                "{\"version\": 2, \"date\": \"" + today + "\"}");

        assertThat(registered.getStatus()).isEqualTo(201);
        assertThat(registered.getHeader("Location")).isEqualTo("/api/v1/households/" + id);
        assertThat(json(registered).get("version").asInt()).isZero();
        assertThat(json(registered).get("stage").asString()).isEqualTo("AWAITING_LINK");
        assertThat(linked.getStatus()).isEqualTo(200);
        assertThat(json(linked).get("stage").asString()).isEqualTo("LINKED");
        assertThat(json(linked).get("municipality").asString()).isEqualTo(UTRECHT);
        assertThat(json(offered).get("stage").asString()).isEqualTo("OFFERED");
        assertThat(json(offered).get("offerDistrict").asString()).isEqualTo("Overvecht");
        assertThat(moved.getStatus()).isEqualTo(200);
        var household = json(moved);
        assertThat(household.get("stage").asString()).isEqualTo("HOUSED");
        assertThat(household.get("version").asInt()).isEqualTo(3);
        assertThat(household.get("countedPersons").asInt()).isEqualTo(2);
        assertThat(household.has("location")).as("a municipality does not see the reception location").isFalse();
        assertThat(household.get("redacted").asBoolean()).isTrue();
        assertThat(kinds(household.get("timeline"))).containsExactly("REGISTERED", "LINKED", "OFFERED", "MOVED_IN");
        assertThat(household.get("timeline").get(3).get("date").asString()).isEqualTo(today.toString());
        var asCoa = json(getOk("/api/v1/households/" + id, coa));
        assertThat(asCoa.get("location").asString()).isEqualTo("azc Test");
        assertThat(asCoa.get("members")).hasSize(2);
        assertThat(asCoa.get("members").get(0).get("ageBand").asString()).isEqualTo("30-44");
    }

    @Test
    void aLinkIsCancelledWithAReasonFromTheListAndANoteWhereTheReasonIsOther() throws Exception {
        var today = today();
        long id = linked(reference(), UTRECHT, today);

        var withoutNote = send(post("/api/v1/households/" + id + "/link-cancellations"), coa,
                "{\"version\": 1, \"reason\": \"OTHER\", \"date\": \"" + today + "\"}");
        var cancelled = send(post("/api/v1/households/" + id + "/link-cancellations"), coa,
                "{\"version\": 1, \"reason\": \"MUNICIPALITY_ERROR\", \"date\": \"" + today + "\"}");

        problem(withoutNote, 400);
        assertThat(names(withoutNote)).containsExactly("note");
        assertThat(cancelled.getStatus()).isEqualTo(200);
        var household = json(cancelled);
        assertThat(household.get("stage").asString()).isEqualTo("AWAITING_LINK");
        assertThat(household.get("links").get(0).get("active").asBoolean()).isFalse();
        assertThat(household.get("links").get(0).get("cancelReason").asString()).isEqualTo("MUNICIPALITY_ERROR");
    }

    @Test
    void aStepOrChangeBasedOnAnOldVersionAnswers409AndChangesNothing() throws Exception {
        var today = today();
        var reference = reference();
        long id = linked(reference, UTRECHT, today);

        var staleOffer = send(post("/api/v1/households/" + id + "/offers"), utrecht,
                "{\"version\": 0, \"date\": \"" + today + "\", \"district\": \"Overvecht\", \"rooms\": 3}");
        var staleChange = send(put("/api/v1/households/" + id), coa,
                household(reference, today.minusDays(30)).replaceFirst("\\{", "{\"version\": 0, "));

        problem(staleOffer, 409);
        problem(staleChange, 409);
        var household = json(getOk("/api/v1/households/" + id, coa));
        assertThat(household.get("stage").asString()).isEqualTo("LINKED");
        assertThat(household.get("version").asInt()).isEqualTo(1);
        assertThat(kinds(household.get("timeline"))).containsExactly("REGISTERED", "LINKED");
    }

    @Test
    void aChangeBasedOnTheCurrentVersionIsStored() throws Exception {
        var today = today();
        var reference = reference();
        long id = json(send(post("/api/v1/households"), coa, household(reference, today.minusDays(30)))).get("id").asLong();

        var changed = send(put("/api/v1/households/" + id), coa, household(reference, today.minusDays(30))
                .replaceFirst("\\{", "{\"version\": 0, ").replace("\"language\": \"Tigrinya\"", "\"language\": \"Arabisch\""));

        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(json(changed).get("language").asString()).isEqualTo("Arabisch");
        assertThat(json(changed).get("version").asInt()).isEqualTo(1);
    }

    @Test
    void everyProblemWithAHouseholdNamesTheFieldOfTheBody() throws Exception {
        var body = """
                {"reference": "123456789", "location": "azc Test", "locationMunicipality": "GM0307",
                 "permitDate": "%s", "members": []}""".formatted(today().plusDays(3));

        var refused = send(post("/api/v1/households"), coa, body);

        problem(refused, 400);
        assertThat(names(refused)).containsExactlyInAnyOrder("reference", "permitDate", "members");
        assertThat(json(refused).get("invalidParams").get(0).get("reason").asString()).isNotBlank();
    }

    @Test
    void valuesThatCannotBeReadAreNamedToo() throws Exception {
        var body = """
                {"reference": "%s", "location": "azc Test", "locationMunicipality": "nowhere", "permitDate": "%s",
                 "education": "PHD", "members": [{"ageBand": "30-44", "sex": "Q", "role": "HEAD"}]}"""
                .formatted(reference(), today().minusDays(3));

        var refused = send(post("/api/v1/households"), coa, body);
        var badDate = send(post("/api/v1/households"), coa, "{\"reference\": \"X\", \"permitDate\": \"28-13-2026\"}");
        var noJson = send(post("/api/v1/households"), coa, "{\"reference\": ");

        problem(refused, 400);
        assertThat(names(refused)).containsExactlyInAnyOrder("locationMunicipality", "education", "members[0].sex");
        problem(badDate, 400);
        assertThat(names(badDate)).containsExactly("permitDate");
        problem(noJson, 400);
    }

    @Test
    void aStepsDateProblemNamesTheDateFieldAndAMissingVersionIsNamed() throws Exception {
        var today = today();
        long id = json(send(post("/api/v1/households"), coa, household(reference(), today.minusDays(30)))).get("id").asLong();

        var future = send(post("/api/v1/households/" + id + "/links"), coa,
                "{\"version\": 0, \"municipality\": \"" + UTRECHT + "\", \"date\": \"" + today.plusDays(2) + "\"}");
        var beforePermit = send(post("/api/v1/households/" + id + "/links"), coa,
                "{\"version\": 0, \"municipality\": \"" + UTRECHT + "\", \"date\": \"" + today.minusDays(40) + "\"}");
        var withoutVersion = send(post("/api/v1/households/" + id + "/links"), coa,
                "{\"municipality\": \"" + UTRECHT + "\", \"date\": \"" + today + "\"}");
        var outsideRegion = send(post("/api/v1/households/" + id + "/links"), coa,
                "{\"version\": 0, \"municipality\": \"GM0599\", \"date\": \"" + today + "\"}");

        problem(future, 400);
        assertThat(names(future)).containsExactly("date");
        assertThat(codes(future)).containsExactly("journey.date.future");
        assertThat(names(beforePermit)).containsExactly("date");
        problem(withoutVersion, 400);
        assertThat(names(withoutVersion)).containsExactly("version");
        problem(outsideRegion, 400);
        assertThat(codes(outsideRegion)).containsExactly("journey.link.outsideRegion");
    }

    @Test
    void problemsAnswerInEnglishWhenAskedTo() throws Exception {
        var refused = mvc.perform(post("/api/v1/households").header("Authorization", coa).header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse();

        problem(refused, 400);
        assertThat(json(refused).get("title").asString()).isEqualTo("Invalid input");
        assertThat(names(refused)).contains("reference", "location", "locationMunicipality", "permitDate", "members");
    }

    @Test
    void anImportWithBadRowsIsRefusedWholeWithEveryProblemByRowAndColumn() throws Exception {
        var taken = reference();
        send(post("/api/v1/households"), coa, household(taken, today().minusDays(5)));
        var good = reference();
        var csv = """
                reference;location;location_municipality;permit_date;members;criteria
                %s;azc Test;GM0307;2026-01-05;30-44/F/HEAD;
                B-%s;azc Test;GM9999;2026-01-05;30-44/F/HEAD;
                X-%s;azc Test;GM0307;2099-01-05;30-44/F/HEAD;
                Y-%s;azc Test;GM0307;2026-01-05;;
                %s;azc Test;GM0307;2026-01-05;30-44/F/HEAD;
                """.formatted(good, good, good, good, taken);

        var refused = mvc.perform(post("/api/v1/household-imports").header("Authorization", coa)
                .contentType("text/csv").content(csv)).andReturn().getResponse();

        problem(refused, 400);
        var problems = new ArrayList<String>();
        for (var p : json(refused).get("invalidParams")) {
            problems.add(p.get("row").asInt() + " " + p.get("name").asString() + " " + p.get("code").asString());
        }
        assertThat(problems).containsExactlyInAnyOrder(
                "3 location_municipality household.municipality.unknown",
                "4 permit_date household.permitDate.future",
                "5 members household.members.none",
                "6 reference households.reference.exists");
        for (var prefix : List.of("", "B-", "X-", "Y-")) {
            assertThat(json(getOk("/api/v1/households?reference=" + prefix + good, coa)).get("totalHouseholds").asLong())
                    .as("nothing stored").isZero();
        }
    }

    @Test
    void aGoodFileIsImportedAsATextBodyOrAsAnUploadedFile() throws Exception {
        var first = reference();
        var second = reference();
        var row = "%s;azc Test;GM0307;%s;30-44/F/HEAD|5-11/M/CHILD;\n";
        var header = "reference;location;location_municipality;permit_date;members;criteria\n";

        var asBody = mvc.perform(post("/api/v1/household-imports").header("Authorization", coa).contentType("text/csv")
                .content(header + row.formatted(first, today().minusDays(3)))).andReturn().getResponse();
        var asFile = mvc.perform(multipart("/api/v1/household-imports").file(new MockMultipartFile("file", "coa.csv",
                "text/csv", (header + row.formatted(second, today().minusDays(3))).getBytes(StandardCharsets.UTF_8)))
                .header("Authorization", coa)).andReturn().getResponse();

        assertThat(asBody.getStatus()).isEqualTo(201);
        assertThat(json(asBody).get("households").asInt()).isEqualTo(1);
        assertThat(asFile.getStatus()).isEqualTo(201);
        assertThat(json(getOk("/api/v1/households?reference=" + second, coa)).get("totalPersons").asLong()).isEqualTo(2);
    }

    @Test
    void aMunicipalitySeesAndRecordsForItsOwnHouseholdsOnly() throws Exception {
        var today = today();
        var prefix = prefix();
        long ours = linked(prefix + "-A", UTRECHT, today);
        long theirs = linked(prefix + "-B", AMERSFOORT, today);
        var amersfoort = TestUsers.officerOf(MunicipalityCode.of(AMERSFOORT));

        var otherDetail = fetch("/api/v1/households/" + theirs, utrecht);
        var byReference = json(getOk("/api/v1/households?reference=" + prefix + "-B", utrecht));
        var list = json(getOk("/api/v1/households?reference=" + prefix + "&pageSize=500", utrecht));
        var export = download("/api/v1/households?format=csv&reference=" + prefix, utrecht);
        var offer = send(post("/api/v1/households/" + theirs + "/offers"), utrecht,
                "{\"version\": 1, \"date\": \"" + today + "\", \"district\": \"Elders\", \"rooms\": 2}");
        var placement = send(post("/api/v1/households/" + theirs + "/har-placements"), utrecht,
                "{\"version\": 1, \"date\": \"" + today + "\", \"place\": \"Hotel Elders\"}");
        var change = send(put("/api/v1/households/" + theirs), utrecht, household(prefix + "-B", today.minusDays(30))
                .replaceFirst("\\{", "{\"version\": 1, "));
        var amersfoortSees = mvc.perform(get("/api/v1/households/" + theirs)
                .with(authentication(TestUsers.signedIn(amersfoort)))).andReturn().getResponse();

        problem(otherDetail, 404);
        assertThat(byReference.get("totalHouseholds").asLong()).isZero();
        assertThat(byReference.get("items")).isEmpty();
        assertThat(ids(list.get("items"))).containsExactly(ours);
        assertThat(list.get("items").get(0).has("location")).isFalse();
        assertThat(list.get("items").get(0).get("municipality").asString()).isEqualTo(UTRECHT);
        assertThat(export).contains(prefix + "-A").doesNotContain(prefix + "-B");
        problem(offer, 404);
        problem(placement, 404);
        problem(change, 403);
        assertThat(json(getOk("/api/v1/households/" + theirs, coa)).get("stage").asString()).isEqualTo("LINKED");
        assertThat(amersfoortSees.getStatus()).isEqualTo(200);
    }

    @Test
    void aProvinceSeesOnlyTheHouseholdsLinkedToItsMunicipalities() throws Exception {
        var today = today();
        var prefix = prefix();
        long inUtrecht = linked(prefix + "-A", UTRECHT, today);
        long inAmsterdam = linked(prefix + "-B", AMSTERDAM, today);

        var list = json(getOk("/api/v1/households?reference=" + prefix, province));
        var own = fetch("/api/v1/households/" + inUtrecht, province);
        var other = fetch("/api/v1/households/" + inAmsterdam, province);
        var recording = send(post("/api/v1/households/" + inUtrecht + "/offers"), province,
                "{\"version\": 1, \"date\": \"" + today + "\", \"district\": \"Overvecht\", \"rooms\": 2}");
        var nationally = json(getOk("/api/v1/households?reference=" + prefix, coordinator));

        assertThat(ids(list.get("items"))).containsExactly(inUtrecht);
        assertThat(own.getStatus()).isEqualTo(200);
        assertThat(json(own).get("location").asString()).as("a province sees the reception location").isEqualTo("azc Test");
        problem(other, 404);
        problem(recording, 403);
        assertThat(ids(nationally.get("items"))).containsExactlyInAnyOrder(inUtrecht, inAmsterdam);
    }

    @Test
    void rolesWithoutAccessToHouseholdsGet403ButSeeTheCounts() throws Exception {
        long id = linked(reference(), UTRECHT, today());

        for (var token : List.of(analyst, corporation)) {
            problem(fetch("/api/v1/households", token), 403);
            problem(fetch("/api/v1/households?format=csv", token), 403);
            problem(fetch("/api/v1/households/" + id, token), 403);
            problem(send(post("/api/v1/households"), token, household(reference(), today())), 403);

            assertThat(fetch("/api/v1/household-overdue-counts", token).getStatus()).isEqualTo(200);
            assertThat(fetch("/api/v1/household-funnel?municipality=" + UTRECHT, token).getStatus()).isEqualTo(200);
            assertThat(fetch("/api/v1/household-flow?province=PV26", token).getStatus()).isEqualTo(200);
        }
    }

    @Test
    void everyReadListAndExportIsAudited() throws Exception {
        long id = linked(reference(), UTRECHT, today());
        long reads = audited("household.read", "municipality-utrecht");
        long lists = audited("households.listed", "municipality-utrecht");
        long exports = audited("households.exported", "municipality-utrecht");

        getOk("/api/v1/households/" + id, utrecht);
        getOk("/api/v1/households?stage=LINKED", utrecht);
        download("/api/v1/households?format=csv&stage=LINKED", utrecht);

        assertThat(audited("household.read", "municipality-utrecht")).isEqualTo(reads + 1);
        assertThat(jdbc.sql("SELECT subject_id FROM audit_event WHERE action = 'household.read' AND actor = :a"
                + " ORDER BY id DESC LIMIT 1").param("a", "municipality-utrecht").query(String.class).single())
                .isEqualTo(String.valueOf(id));
        assertThat(audited("households.listed", "municipality-utrecht")).isEqualTo(lists + 1);
        assertThat(audited("households.exported", "municipality-utrecht")).isEqualTo(exports + 1);
    }

    @Test
    void theListPagesFromOneAndRefusesBadPagingAndFilters() throws Exception {
        var prefix = prefix();
        for (int i = 0; i < 3; i++) {
            send(post("/api/v1/households"), coa, household(prefix + "-" + i, today().minusDays(10)));
        }

        var second = json(getOk("/api/v1/households?reference=" + prefix + "&pageSize=2&page=2", coa));
        var refused = fetch("/api/v1/households?page=0&pageSize=501&municipality=XX&band=OVER_13_WEEKS", coa);
        var unknownStage = fetch("/api/v1/households?stage=SOMEWHERE", coa);
        var badExport = fetch("/api/v1/households?format=csv&municipality=XX", coa);
        var unknownFormat = fetch("/api/v1/households?format=xml", coa);

        assertThat(second.get("page").asInt()).isEqualTo(2);
        assertThat(second.get("pages").asInt()).isEqualTo(2);
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("totalHouseholds").asLong()).isEqualTo(3);
        assertThat(second.get("totalPersons").asLong()).isEqualTo(6);
        problem(refused, 400);
        assertThat(names(refused)).containsExactlyInAnyOrder("page", "pageSize", "municipality", "band");
        problem(unknownStage, 400);
        assertThat(names(unknownStage)).containsExactly("stage");
        problem(badExport, 400);
        assertThat(names(badExport)).containsExactly("municipality");
        problem(unknownFormat, 400);
        assertThat(names(unknownFormat)).containsExactly("format");
    }

    @Test
    void theCountsCoverTheNationByProvinceAndAProvinceByMunicipality() throws Exception {
        var nation = json(getOk("/api/v1/household-overdue-counts", analyst));
        var utrechtProvince = json(getOk("/api/v1/household-overdue-counts?province=PV26", analyst));
        var flow = json(getOk("/api/v1/household-flow?weeks=8", analyst));
        var both = fetch("/api/v1/household-flow?province=PV26&municipality=GM0344", analyst);
        var unknown = fetch("/api/v1/household-funnel?province=PV99", analyst);

        assertThat(nation.get("rows")).hasSize(13);
        assertThat(kindsOf(nation.get("rows"))).containsOnly("PROVINCE", "UNLINKED");
        long sum = 0;
        for (var row : nation.get("rows")) {
            sum += row.get("overdueHouseholds").asLong();
        }
        assertThat(nation.get("area").get("overdueHouseholds").asLong()).isEqualTo(sum);
        assertThat(utrechtProvince.get("rows")).hasSize(26);
        assertThat(kindsOf(utrechtProvince.get("rows"))).containsOnly("MUNICIPALITY");
        assertThat(flow.get("weeks")).hasSize(8);
        assertThat(flow.get("households").get("LINKED")).hasSize(8);
        problem(both, 400);
        problem(unknown, 400);
        assertThat(names(unknown)).containsExactly("province");
    }

    @Test
    void theFunnelCountsAHouseholdLinkedToAMunicipality() throws Exception {
        var today = today();
        var before = json(getOk("/api/v1/household-funnel?municipality=GM0355&permitsFrom=" + today.minusDays(30), analyst));
        linked(reference(), "GM0355", today);

        var after = json(getOk("/api/v1/household-funnel?municipality=GM0355&permitsFrom=" + today.minusDays(30), analyst));

        assertThat(after.get("area").get("code").asString()).isEqualTo("GM0355");
        assertThat(after.get("linked").get("households").asLong())
                .isEqualTo(before.get("linked").get("households").asLong() + 1);
    }

    @Test
    void cancelReasonsAreAddedAndRetiredByTheirKeepers() throws Exception {
        var code = "API_TEST_" + SEQUENCE.incrementAndGet() + "_" + System.nanoTime() % 100_000;

        var added = send(post("/api/v1/link-cancel-reasons"), coa,
                "{\"code\": \"" + code + "\", \"labelNl\": \"Proef\", \"labelEn\": \"Test\"}");
        var retired = send(put("/api/v1/link-cancel-reasons/" + code), coa, "{\"active\": false}");
        var active = json(getOk("/api/v1/link-cancel-reasons?active=true", analyst));
        var unknown = send(put("/api/v1/link-cancel-reasons/NO_SUCH_REASON"), coa, "{\"active\": true}");
        var other = send(put("/api/v1/link-cancel-reasons/OTHER"), coa, "{\"active\": false}");
        var notAKeeper = send(post("/api/v1/link-cancel-reasons"), utrecht,
                "{\"code\": \"NOPE\", \"labelNl\": \"x\", \"labelEn\": \"x\"}");

        assertThat(added.getStatus()).isEqualTo(201);
        assertThat(added.getHeader("Location")).isEqualTo("/api/v1/link-cancel-reasons/" + code);
        assertThat(getOk(added.getHeader("Location"), analyst).getStatus()).isEqualTo(200);
        assertThat(json(retired).get("active").asBoolean()).isFalse();
        var codes = new ArrayList<String>();
        active.forEach(r -> codes.add(r.get("code").asString()));
        assertThat(codes).contains("OTHER").doesNotContain(code);
        problem(unknown, 404);
        problem(other, 400);
        problem(notAKeeper, 403);
    }

    @Test
    void theOpenApiDocumentDescribesTheHouseholdEndpoints() throws Exception {
        var document = json(mvc.perform(get("/api/v1/openapi.json")).andReturn().getResponse());

        var paths = document.get("paths");
        for (var path : List.of("/api/v1/households", "/api/v1/households/{id}", "/api/v1/households/{id}/links",
                "/api/v1/households/{id}/link-cancellations", "/api/v1/households/{id}/offers",
                "/api/v1/households/{id}/har-placements", "/api/v1/households/{id}/moves", "/api/v1/household-imports",
                "/api/v1/household-overdue-counts", "/api/v1/household-funnel", "/api/v1/household-flow",
                "/api/v1/link-cancel-reasons", "/api/v1/link-cancel-reasons/{code}")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        var list = paths.get("/api/v1/households").get("get");
        assertThat(list.get("description").asString()).contains("format=csv");
        assertThat(list.get("responses").get("200").get("content").has("text/csv")).isTrue();
        var imports = paths.get("/api/v1/household-imports").get("post").get("requestBody").get("content");
        assertThat(imports.has("text/csv")).isTrue();
        assertThat(imports.has("multipart/form-data")).isTrue();
        assertThat(paths.get("/api/v1/households/{id}/offers").get("post").get("responses").has("409")).isTrue();
    }

    long linked(String reference, String municipality, LocalDate today) throws Exception {
        var registered = send(post("/api/v1/households"), coa, household(reference, today.minusDays(30)));
        assertThat(registered.getStatus()).as(registered.getContentAsString()).isEqualTo(201);
        long id = json(registered).get("id").asLong();
        var linked = send(post("/api/v1/households/" + id + "/links"), coa,
                "{\"version\": 0, \"municipality\": \"" + municipality + "\", \"date\": \"" + today.minusDays(20) + "\"}");
        assertThat(linked.getStatus()).as(linked.getContentAsString()).isEqualTo(200);
        return id;
    }

    static String household(String reference, LocalDate permitDate) {
        return """
                {"reference": "%s", "location": "azc Test", "locationMunicipality": "%s", "permitDate": "%s",
                 "language": "Tigrinya", "education": "SECONDARY", "workExperience": "SOME", "limitation": "NONE",
                 "members": [{"ageBand": "30-44", "sex": "F", "role": "HEAD"}, {"ageBand": "5-11", "sex": "M", "role": "CHILD"}],
                 "criteria": []}""".formatted(reference, AMERSFOORT, permitDate);
    }

    static String reference() {
        return prefix() + "-R";
    }

    /** A reference prefix no other household has, so a search by it finds only this test's households. */
    static String prefix() {
        return "API" + System.nanoTime() % 1_000_000_000L + "X" + SEQUENCE.incrementAndGet();
    }

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    MockHttpServletResponse send(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
        return mvc.perform(request.header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
    }

    MockHttpServletResponse fetch(String path, String token) throws Exception {
        return mvc.perform(get(path)
                .header("Authorization", token)).andReturn().getResponse();
    }

    MockHttpServletResponse getOk(String path, String token) throws Exception {
        var response = fetch(path, token);
        assertThat(response.getStatus()).as(path + ": " + response.getContentAsString()).isEqualTo(200);
        return response;
    }

    /** The CSV export, written after the request returns (a streamed body). */
    String download(String path, String token) throws Exception {
        var started = mvc.perform(get(path).header("Authorization", token)).andReturn();
        var response = mvc.perform(asyncDispatch(started)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/csv");
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** Every API error is problem+json with a status, title and the path it answers. */
    void problem(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        var problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        if (status == 400 && problem.has("invalidParams")) {
            for (var p : problem.get("invalidParams")) {
                assertThat(p.get("name").asString()).isNotBlank();
                assertThat(p.get("reason").asString()).isNotBlank();
            }
        }
    }

    JsonNode json(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    List<String> names(MockHttpServletResponse response) throws Exception {
        var names = new ArrayList<String>();
        json(response).get("invalidParams").forEach(p -> names.add(p.get("name").asString()));
        return names;
    }

    List<String> codes(MockHttpServletResponse response) throws Exception {
        var codes = new ArrayList<String>();
        json(response).get("invalidParams").forEach(p -> codes.add(p.get("code").asString()));
        return codes;
    }

    static List<String> kinds(JsonNode timeline) {
        var kinds = new ArrayList<String>();
        timeline.forEach(e -> kinds.add(e.get("kind").asString()));
        return kinds;
    }

    static List<String> kindsOf(JsonNode rows) {
        var kinds = new ArrayList<String>();
        rows.forEach(r -> kinds.add(r.get("kind").asString()));
        return kinds;
    }

    static List<Long> ids(JsonNode items) {
        var ids = new ArrayList<Long>();
        items.forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    long audited(String action, String actor) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :action AND actor = :actor")
                .param("action", action).param("actor", actor).query(Long.class).single();
    }

    private String token(String username) {
        var account = accounts.accounts().stream().filter(a -> a.username().equals(username)).findFirst().orElseThrow();
        return "Bearer " + tokens.issue(account.id(), "household api test", 1).secret();
    }
}
