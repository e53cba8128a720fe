package nl.doorstroom.permitholders.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.permitholders.HouseholdForm;
import nl.doorstroom.permitholders.HouseholdRegister;
import nl.doorstroom.permitholders.Journeys;
import nl.doorstroom.permitholders.Member;
import nl.doorstroom.permitholders.Profile;
import nl.doorstroom.shared.MunicipalityCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/** The household pages on embedded PostgreSQL: what each role sees and may record, and how refusals read. */
@IntegrationTest
class HouseholdPagesTests {

    static final MunicipalityCode UTRECHT = MunicipalityCode.of("GM0344");
    static final MunicipalityCode AMERSFOORT = MunicipalityCode.of("GM0307");
    static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    HouseholdRegister register;

    @Autowired
    Journeys journeys;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theListFiltersByReferenceStageAndOverdueBand() throws Exception {
        var prefix = prefix();
        var today = today();
        long waiting = registered(prefix + "-A", today.minusDays(5));
        long late = registered(prefix + "-B", today.minusDays(40));
        long linked = linkedTo(UTRECHT, prefix + "-C", today.minusDays(30));

        var byPrefix = html(asCoa(get("/households").param("reference", prefix)));
        var linkedOnly = html(asCoa(get("/households").param("reference", prefix).param("stage", "LINKED")));
        var twoToFourWeeks = html(asCoa(get("/households").param("reference", prefix).param("band", "TWO_TO_4_WEEKS")));

        assertThat(byPrefix).contains(prefix + "-A", prefix + "-B", prefix + "-C").contains("3 huishoudens, 6 personen");
        assertThat(linkedOnly).contains(prefix + "-C").doesNotContain(prefix + "-A", prefix + "-B");
        // Permit 40 days ago, due to be linked after 14: 26 days past the term.
        assertThat(twoToFourWeeks).contains(prefix + "-B", "26 dagen over de termijn").doesNotContain(prefix + "-A", prefix + "-C");
        assertThat(byPrefix).contains("href=\"/households/" + waiting + "\"", "href=\"/households/" + late + "\"",
                "href=\"/households/" + linked + "\"");
    }

    @Test
    void aMunicipalityOfficerSeesOnlyItsOwnHouseholdsWithoutTheReceptionLocation() throws Exception {
        var prefix = prefix();
        linkedTo(UTRECHT, prefix + "-OURS", today().minusDays(30));
        linkedTo(AMERSFOORT, prefix + "-THEIRS", today().minusDays(30));

        var html = html(as(Role.MUNICIPALITY_OFFICER, get("/households").param("reference", prefix)));

        assertThat(html).contains("<h1>Huishoudens gekoppeld aan Utrecht</h1>", prefix + "-OURS")
                .doesNotContain(prefix + "-THEIRS", "azc Test", "Opvanglocatie");
    }

    @Test
    void aHouseholdOfAnotherMunicipalityIsNotFoundForAnOfficer() throws Exception {
        long theirs = linkedTo(AMERSFOORT, prefix() + "-X", today().minusDays(30));

        var page = as(Role.MUNICIPALITY_OFFICER, get("/households/" + theirs));
        var offer = as(Role.MUNICIPALITY_OFFICER, post("/households/" + theirs + "/offer").param("version", "1")
                .param("occurredOn", today().toString()).param("district", "Elders").param("rooms", "2").with(csrf()));

        assertThat(page.getStatus()).isEqualTo(404);
        assertThat(offer.getStatus()).isEqualTo(404);
        assertThat(as(Role.COA_PLANNER, () -> register.read(theirs)).orElseThrow().household().stage().name())
                .isEqualTo("LINKED");
    }

    @Test
    void theDetailOffersTheStepsOfTheRoleAndStage() throws Exception {
        long waiting = registered(prefix() + "-W", today().minusDays(5));
        long linked = linkedTo(UTRECHT, prefix() + "-L", today().minusDays(30));

        var coaWaiting = html(asCoa(get("/households/" + waiting)));
        var coaLinked = html(asCoa(get("/households/" + linked)));
        var officerLinked = html(as(Role.MUNICIPALITY_OFFICER, get("/households/" + linked)));
        var coordinatorLinked = html(as(Role.NATIONAL_COORDINATOR, get("/households/" + linked)));

        assertThat(coaWaiting).contains("id=\"link\"", "Gegevens wijzigen", "azc Test")
                .doesNotContain("id=\"cancel\"", "id=\"offer\"");
        assertThat(coaLinked).contains("id=\"cancel\"", "id=\"offer\"", "id=\"har\"").doesNotContain("id=\"link\"",
                "id=\"moveIn\"");
        assertThat(officerLinked).contains("id=\"offer\"", "id=\"har\"", "Tigrinya", "30-44")
                .doesNotContain("id=\"cancel\"", "id=\"link\"", "Gegevens wijzigen", "azc Test");
        assertThat(coordinatorLinked).contains("Tijdlijn", "Gekoppeld").doesNotContain("<form method=\"post\" action=\"/households/");
    }

    @Test
    void anOfferAndAMoveAreRecordedAndShownInTheTimeline() throws Exception {
        long id = linkedTo(UTRECHT, prefix() + "-M", today().minusDays(30));

        var offered = as(Role.MUNICIPALITY_OFFICER, post("/households/" + id + "/offer").param("version", "1")
                .param("occurredOn", today().minusDays(2).toString()).param("district", "Overvecht").param("rooms", "3")
                .with(csrf()));
        var moved = as(Role.MUNICIPALITY_OFFICER, post("/households/" + id + "/move-in").param("version", "2")
                .param("occurredOn", today().toString()).with(csrf()));
        var page = html(as(Role.MUNICIPALITY_OFFICER, get("/households/" + id)));

        assertThat(offered.getRedirectedUrl()).isEqualTo("/households/" + id);
        assertThat(moved.getRedirectedUrl()).isEqualTo("/households/" + id);
        assertThat(page).contains("Gehuisvest", "Woning aangeboden", "Verhuisd naar woning", "Overvecht, 3 kamers")
                .doesNotContain("id=\"moveIn\"");
    }

    @Test
    void aRefusedStepShowsEachProblemNextToItsFieldAndKeepsWhatWasTyped() throws Exception {
        long id = linkedTo(UTRECHT, prefix() + "-P", today().minusDays(30));

        var refused = mvc.perform(post("/households/" + id + "/offer").param("version", "1")
                .param("occurredOn", today().toString()).param("district", "").param("rooms", "twee").with(csrf())
                .with(authentication(TestUsers.signedIn(Role.MUNICIPALITY_OFFICER)))).andReturn();
        var page = html(followWithFlash(refused, Role.MUNICIPALITY_OFFICER));

        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/households/" + id + "#offer");
        assertThat(page).contains("id=\"offer-rooms-error\"", "&#39;twee&#39; is geen geheel getal.",
                "aria-describedby=\"offer-rooms-error\"", "value=\"twee\"");
    }

    @Test
    void aStepOnAnOldVersionSaysSomeoneElseChangedItAndKeepsWhatWasTyped() throws Exception {
        long id = linkedTo(UTRECHT, prefix() + "-S", today().minusDays(30));

        var stale = mvc.perform(post("/households/" + id + "/offer").param("version", "0")
                .param("occurredOn", today().toString()).param("district", "Kanaleneiland").param("rooms", "4")
                .with(csrf()).with(authentication(TestUsers.signedIn(Role.MUNICIPALITY_OFFICER)))).andReturn();
        var page = html(followWithFlash(stale, Role.MUNICIPALITY_OFFICER));

        assertThat(page).contains("Iemand anders heeft dit huishouden intussen gewijzigd", "Kanaleneiland",
                "value=\"Kanaleneiland\"", "name=\"version\" value=\"1\"");
        assertThat(as(Role.COA_PLANNER, () -> register.read(id)).orElseThrow().household().stage().name())
                .isEqualTo("LINKED");
    }

    @Test
    void aChangeOnAnOldVersionSaysSoAndLosesNothingTyped() throws Exception {
        var reference = prefix() + "-E";
        long id = linkedTo(UTRECHT, reference, today().minusDays(30));

        var response = asCoa(post("/households/" + id).param("version", "0").param("reference", reference)
                .param("location", "azc Nieuw Getypt").param("locationMunicipality", "GM0307")
                .param("permitDate", today().minusDays(30).toString()).param("education", "HIGHER")
                .param("workExperience", "SOME").param("limitation", "NONE")
                .param("memberAge", "A30_44", "A5_11", "").param("memberSex", "F", "M", "")
                .param("memberRole", "HEAD", "CHILD", "")
                .param("criterionKind", "").param("criterionMunicipality", "").param("criterionHours", "").with(csrf()));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(html(response)).contains("Iemand anders heeft dit huishouden intussen gewijzigd",
                "value=\"azc Nieuw Getypt\"", "name=\"version\" value=\"1\"");
        assertThat(as(Role.COA_PLANNER, () -> register.read(id)).orElseThrow().household().location()).isEqualTo("azc Test");
    }

    @Test
    void aHouseholdIsRegisteredThroughTheFormWithMoreRowsOnRequest() throws Exception {
        var reference = prefix() + "-N";
        var withRows = html(asCoa(post("/households").param("reference", reference).param("memberAge", "A30_44", "", "", "")
                .param("memberSex", "F", "", "", "").param("memberRole", "HEAD", "", "", "").param("more", "members")
                .with(csrf())));

        var registered = asCoa(post("/households").param("reference", reference).param("location", "azc Formulier")
                .param("locationMunicipality", "GM0307").param("permitDate", today().minusDays(3).toString())
                .param("language", "Dari").param("education", "PRIMARY").param("workExperience", "NONE")
                .param("limitation", "WHEELCHAIR").param("memberAge", "A30_44", "A0_4", "")
                .param("memberSex", "F", "X", "").param("memberRole", "HEAD", "CHILD", "")
                .param("criterionKind", "WORK", "").param("criterionMunicipality", "GM0344", "")
                .param("criterionHours", "12", "").with(csrf()));

        assertThat(withRows).contains("id=\"memberAge-7\"").doesNotContain("id=\"memberAge-8\"");
        assertThat(registered.getRedirectedUrl()).startsWith("/households/");
        var page = html(asCoa(get(registered.getRedirectedUrl())));
        assertThat(page).contains(reference, "azc Formulier", "Dari", "Rolstoel", "12 uur per week", "Gezinsleden (2)");
    }

    @Test
    void anIncompleteMemberRowIsAProblemOfTheMembersField() throws Exception {
        var html = html(asCoa(post("/households").param("reference", prefix() + "-I").param("location", "azc")
                .param("locationMunicipality", "GM0307").param("permitDate", today().toString())
                .param("memberAge", "A30_44").param("memberSex", "").param("memberRole", "HEAD").with(csrf())));

        assertThat(html).contains("id=\"household_members-error\"",
                "Gezinslid 1: kies leeftijdsklasse, geslacht en rol");
    }

    @Test
    void aRefusedImportShowsEveryProblemByRowAndColumnAndStoresNothing() throws Exception {
        var good = prefix() + "-G";
        long before = households();
        var file = new MockMultipartFile("file", "coa-export.csv", "text/csv", """
                reference;location;location_municipality;permit_date;members;criteria
                %s;azc Test;GM0307;2026-01-05;30-44/F/HEAD;
                %s-2;azc Test;GM9999;2026-01-05;30-44/F/HEAD;
                %s-3;azc Test;GM0307;2026-01-05;30-44/Q/HEAD;
                """.formatted(good, good, good).getBytes(StandardCharsets.UTF_8));

        var response = asCoa(multipart("/households/import").file(file).with(csrf()));

        var html = html(response);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(html).contains("Bestand coa-export.csv is geweigerd; er is niets opgeslagen. Er zijn 2 problemen:")
                .contains("<td>3</td>", "Gemeente van de opvanglocatie", "Gemeente GM9999 bestaat niet in de huidige indeling.")
                .contains("<td>4</td>", "Gezinsleden (kolom members)", "Gezinslid 30-44/Q/HEAD is niet te lezen");
        assertThat(households()).isEqualTo(before);
    }

    @Test
    void anAcceptedImportSaysHowManyHouseholdsCameIn() throws Exception {
        var file = new MockMultipartFile("file", "coa-export.csv", "text/csv", """
                referentie,locatie,locatie_gemeente,vergunningsdatum,leden
                %s-1,azc Import,GM0307,2026-01-05,30-44/F/HEAD|5-11/M/CHILD
                %s-2,azc Import,GM0307,5-1-2026,18-29/M/HEAD
                """.formatted(prefix(), prefix()).getBytes(StandardCharsets.UTF_8));

        var response = asCoa(multipart("/households/import").file(file).with(csrf()));

        assertThat(response.getRedirectedUrl()).isEqualTo("/households/import");
        assertThat(response.getStatus()).isEqualTo(302);
    }

    @Test
    void anExportIsAuditedAndRefusedToRolesThatSeeNoHouseholds() throws Exception {
        linkedTo(UTRECHT, prefix() + "-D", today().minusDays(30));
        long before = exports("test-municipality_officer");

        var started = mvc.perform(get("/households/export").param("format", "csv").param("stage", "LINKED")
                .with(authentication(TestUsers.signedIn(Role.MUNICIPALITY_OFFICER)))).andReturn();
        var csv = mvc.perform(asyncDispatch(started)).andReturn().getResponse();
        var refused = as(Role.MINISTRY_ANALYST, get("/households/export").param("format", "csv"));

        assertThat(csv.getContentType()).startsWith("text/csv");
        var text = csv.getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).contains("Referentie", "Gekoppeld", "Utrecht").doesNotContain("azc Test");
        assertThat(exports("test-municipality_officer")).isEqualTo(before + 1);
        assertThat(refused.getStatus()).isEqualTo(403);
    }

    @Test
    void countsAreForEveryRoleButOnlyReadersFollowThemToHouseholds() throws Exception {
        linkedTo(UTRECHT, prefix() + "-O", today().minusDays(200));

        var analyst = html(as(Role.MINISTRY_ANALYST, get("/households/overdue")));
        var coa = html(asCoa(get("/households/overdue")));
        var province = html(as(Role.PROVINCE_SUPERVISOR, get("/households/overdue").param("province", "PV26")));
        var funnel = html(as(Role.HOUSING_CORPORATION, get("/households/funnel").param("province", "PV26")));

        assertThat(analyst).contains("Langer dan 14 weken in de opvang", "Nog niet gekoppeld (COA)")
                .doesNotContain("href=\"/households?");
        assertThat(coa).contains("href=\"/households?overdue=PAST_14_WEEKS\"",
                "href=\"/households?province=PV26&amp;overdue=OVERDUE&amp;band=OVER_13_WEEKS\"");
        assertThat(province).contains("Huishoudens over de termijn in Utrecht",
                "href=\"/households?municipality=GM0344&amp;overdue=OVERDUE");
        assertThat(funnel).contains("Doorstroom Utrecht", "id=\"funnel-chart\"", "id=\"flow-chart\"", "role=\"img\"",
                "koppeling tot aanbod");
    }

    @Test
    void cancelReasonsAreAddedAndRetiredByTheirKeepers() throws Exception {
        var code = "TEST_" + SEQUENCE.incrementAndGet() + "_" + System.nanoTime() % 100_000;

        var added = asCoa(post("/households/cancel-reasons").param("code", code).param("labelNl", "Testreden")
                .param("labelEn", "Test reason").with(csrf()));
        var retired = as(Role.ADMINISTRATOR, post("/households/cancel-reasons/" + code + "/retire").with(csrf()));
        var page = html(as(Role.MINISTRY_ANALYST, get("/households/cancel-reasons")));
        var refused = as(Role.MUNICIPALITY_OFFICER, post("/households/cancel-reasons").param("code", "X_" + code)
                .param("labelNl", "x").param("labelEn", "x").with(csrf()));
        var invalid = html(asCoa(post("/households/cancel-reasons").param("code", "lower case").param("labelNl", "")
                .param("labelEn", "x").with(csrf())));

        assertThat(added.getRedirectedUrl()).isEqualTo("/households/cancel-reasons");
        assertThat(retired.getRedirectedUrl()).isEqualTo("/households/cancel-reasons");
        assertThat(page).contains(code, "Testreden", "niet meer in gebruik").doesNotContain("Reden toevoegen");
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(invalid).contains("id=\"code-error\"", "id=\"labelNl-error\"");
    }

    @Test
    void anUnknownHouseholdIsNotFound() throws Exception {
        assertThat(asCoa(get("/households/999999999")).getStatus()).isEqualTo(404);
    }

    // ---- helpers

    static String prefix() {
        return "PG" + (System.nanoTime() % 100_000_000L) + "-" + SEQUENCE.incrementAndGet();
    }

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    long registered(String reference, LocalDate permit) throws Exception {
        return as(Role.COA_PLANNER, () -> register.register(household(reference, permit)));
    }

    long linkedTo(MunicipalityCode municipality, String reference, LocalDate permit) throws Exception {
        long id = registered(reference, permit);
        as(Role.COA_PLANNER, () -> journeys.link(id, 0, municipality, permit.plusDays(3)));
        return id;
    }

    static HouseholdForm household(String reference, LocalDate permit) {
        return new HouseholdForm(reference, "azc Test", AMERSFOORT, permit,
                new Profile("Tigrinya", Profile.Education.SECONDARY, Profile.WorkExperience.SOME, Profile.Limitation.NONE),
                List.of(new Member(Member.AgeBand.A30_44, Member.Sex.F, Member.Role.HEAD),
                        new Member(Member.AgeBand.A5_11, Member.Sex.M, Member.Role.CHILD)),
                List.of());
    }

    static <T> T as(Role role, Callable<T> work) throws Exception {
        return as(TestUsers.of(role), work);
    }

    static <T> T as(DoorstroomUser user, Callable<T> work) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(TestUsers.signedIn(user));
        try {
            return work.call();
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    long households() {
        return jdbc.sql("SELECT count(*) FROM household").query(Long.class).single();
    }

    long exports(String actor) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'households.exported' AND actor = :a")
                .param("a", actor).query(Long.class).single();
    }

    MockHttpServletResponse asCoa(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return as(Role.COA_PLANNER, request);
    }

    MockHttpServletResponse as(Role role, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(authentication(TestUsers.signedIn(role)))).andReturn().getResponse();
    }

    /**
     * The page a redirect leads to, in the same session, so that it shows the flash attributes the redirect
     * left there (sessions are Spring Session's, found by their cookie).
     */
    MockHttpServletResponse followWithFlash(MvcResult redirect, Role role) throws Exception {
        var target = redirect.getResponse().getRedirectedUrl().replaceAll("#.*", "");
        var session = redirect.getResponse().getCookie("SESSION");
        assertThat(session).as("session cookie").isNotNull();
        return mvc.perform(get(target).cookie(session).with(authentication(TestUsers.signedIn(role)))).andReturn()
                .getResponse();
    }

    static String html(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
