package nl.doorstroom.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.Role;
import nl.doorstroom.matching.LinkingRuns;
import nl.doorstroom.matching.LinkingWeights;
import nl.doorstroom.matching.RunRequest;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.permitholders.FirmCriterion;
import nl.doorstroom.permitholders.HouseholdFilter;
import nl.doorstroom.permitholders.HouseholdHistory;
import nl.doorstroom.permitholders.HouseholdForm;
import nl.doorstroom.permitholders.HouseholdRegister;
import nl.doorstroom.permitholders.Journeys;
import nl.doorstroom.permitholders.Member;
import nl.doorstroom.permitholders.Profile;
import nl.doorstroom.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every page, as seen by an administrator (who sees them all), checked by axe-core against WCAG 2.1
 * A and AA. axe is injected through WebDriver, so the pages keep their Content-Security-Policy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessibilityTests {

    /** CI installs a current axe-core here with npm; otherwise the webjar on the test classpath is used. */
    private static final Path NPM_AXE = Path.of(".ci/node/node_modules/axe-core/axe.min.js");
    private static final String WEBJAR = "META-INF/maven/org.webjars.npm/axe-core/pom.properties";

    private static final String RUN_AXE = """
            var done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                .then(r => done(JSON.stringify(r.violations)))
                .catch(e => done('axe failed: ' + e));
            """;

    private static final String LANGUAGE_COOKIE = "doorstroom-lang";

    private static String axeSource;

    @RegisterExtension
    static final Browser browser = new Browser();

    static final MunicipalityCode UTRECHT = MunicipalityCode.of("GM0344");
    static final MunicipalityCode AMERSFOORT = MunicipalityCode.of("GM0307");

    private static Map<String, Long> householdIds;

    private static Map<String, Long> linkingRunIds;

    @LocalServerPort
    int port;

    @Autowired
    HouseholdRegister register;

    @Autowired
    Journeys journeys;

    @Autowired
    LinkingRuns runs;

    @Autowired
    MunicipalityRegistry registry;

    @ParameterizedTest
    @ValueSource(strings = { "/", "/?figure=DENSITY", "/?lang=en", "/municipalities", "/municipalities/GM0344",
            "/provinces", "/provinces/PV26", "/regions", "/regions/COA-3", "/regions/new", "/population-versions",
            "/population-versions/1", "/population-versions/import", "/admin/accounts", "/admin/accounts/new",
            "/admin/accounts/1", "/admin/tokens", "/admin/audit", "/progress", "/progress?date=2024-03-15", "/progress/map",
            "/progress/municipalities", "/progress/municipalities?province=PV26&sort=percent", "/progress/provinces/PV26",
            "/progress/regions/COA-3", "/progress/municipalities/GM0344", "/progress/municipalities/GM0344?lang=en",
            "/progress/import", "/quota", "/quota?lang=en", "/quota/periods/2024-II",
            "/quota/periods/2024-II?q=a&province=PV26&sort=quota", "/quota/transfers", "/quota/mergers", "/quota/what-if",
            "/quota/what-if?key=population&total=3000&sort=difference", "/quota/what-if?key=koenigstein",
            "/quota/indicators", "/households/overdue", "/households/funnel", "/households/cancel-reasons" })
    void pageForAnAdministratorMeetsWcag21AA(String page) {
        browser.signedInAs(url(""), "admin");
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE); // back to Dutch after ?lang=en

        var violations = violationsOn(page);

        assertThat(violations).as("axe violations on %s", page).isEmpty();
    }

    /**
     * The household pages, as the roles that use them see them (an administrator sees no households).
     * {@code {awaiting}}, {@code {linked}}, ... stand for households created for this test in that stage.
     */
    @ParameterizedTest
    @CsvSource({ "coa, /households", "coa, /households?stage=LINKED&stage=OFFERED&overdue=OVERDUE&band=OVER_13_WEEKS",
            "coa, /households?lang=en", "coa, /households?reference=nothing-matches", "coa, /households/{awaiting}",
            "coa, /households/{linked}", "coa, /households/{linked}?lang=en", "coa, /households/{offered}",
            "coa, /households/{har}", "coa, /households/{housed}", "coa, /households/new", "coa, /households/new?lang=en",
            "coa, /households/{awaiting}/edit", "coa, /households/import", "coa, /households/overdue",
            "coa, /households/overdue?province=PV26", "coa, /households/funnel",
            "coa, /households/funnel?municipality=GM0344&permitsFrom=2020-01-01", "coa, /households/cancel-reasons",
            "municipality-utrecht, /households", "municipality-utrecht, /households/{linked}",
            "municipality-utrecht, /households/{offered}", "municipality-utrecht, /households/{har}",
            "municipality-utrecht, /households/funnel?municipality=GM0344", "province-utrecht, /households",
            "province-utrecht, /households/overdue?province=PV26", "analyst, /households/overdue",
            "analyst, /households/overdue?lang=en", "analyst, /households/funnel?province=PV26" })
    void householdPageMeetsWcag21AA(String account, String page) throws Exception {
        browser.signedInAs(url(""), account);
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        var address = page;
        for (var household : households().entrySet()) {
            address = address.replace("{" + household.getKey() + "}", String.valueOf(household.getValue()));
        }

        var violations = violationsOn(address);

        assertThat(violations).as("axe violations on %s", page).isEmpty();
    }

    /**
     * The linking pages, as the planner who runs and decides and the coordinator who reads see them.
     * {@code {run}} stands for a finished run made for this test, {@code {open}}, {@code {changed}} and
     * {@code {rejected}} for its proposals in that state.
     */
    @ParameterizedTest
    @CsvSource({ "coa, /linking", "coa, /linking?lang=en", "coa, /linking/runs/{run}", "coa, /linking/runs/{run}?lang=en",
            "coa, /linking/runs/{run}?show=UNLINKED", "coa, /linking/runs/{run}?show=DECIDED",
            "coa, /linking/runs/{run}/proposals/{open}", "coa, /linking/runs/{run}/proposals/{open}?lang=en",
            "coa, /linking/runs/{run}/proposals/{changed}", "coa, /linking/runs/{run}/proposals/{rejected}",
            "coa, /linking/runs/{run}/fairness", "coa, /linking/runs/{run}/fairness?lang=en", "coordinator, /linking",
            "coordinator, /linking/runs/{run}", "coordinator, /linking/runs/{run}/proposals/{open}" })
    void linkingPageMeetsWcag21AA(String account, String page) throws Exception {
        browser.signedInAs(url(""), account);
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        var address = page;
        for (var placeholder : linkingRun().entrySet()) {
            address = address.replace("{" + placeholder.getKey() + "}", String.valueOf(placeholder.getValue()));
        }

        var violations = violationsOn(address);

        assertThat(violations).as("axe violations on %s", page).isEmpty();
    }

    /** A new run refused: each problem next to its field, what was typed still in the form. */
    @Test
    void aRefusedRunMeetsWcag21AA() {
        browser.signedInAs(url(""), "coa");
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        var driver = browser.driver();
        driver.get(url("/linking"));
        ((JavascriptExecutor) driver).executeScript("document.getElementById('householdLimit').value = 'veel';"
                + "document.getElementById('seconds').value = '0';"
                + "document.getElementById('weight.waiting').value = '101';");
        submitWithoutBrowserChecks("#new-run form");

        var violations = violationsAfterPost("/linking/runs");

        assertThat(driver.findElements(By.id("householdLimit-error"))).isNotEmpty();
        assertThat(violations).isEmpty();
    }

    /** Accepting with nothing chosen, and a hand link without a reason: the problems on the pages they came from. */
    @Test
    void refusedDecisionsMeetWcag21AA() throws Exception {
        browser.signedInAs(url(""), "coa");
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        var driver = browser.driver();
        var run = linkingRun();
        driver.get(url("/linking/runs/" + run.get("run")));
        submitWithoutBrowserChecks("#decisions");

        var afterAccept = violationsAfterPost("/linking/runs/" + run.get("run"));

        assertThat(driver.findElement(By.id("problems")).getText()).contains("Kies eerst een of meer voorstellen.");
        assertThat(afterAccept).isEmpty();

        driver.get(url("/linking/runs/" + run.get("run") + "/proposals/" + run.get("open")));
        submitWithoutBrowserChecks("#change form");

        var afterChange = violationsAfterPost("/linking/runs/" + run.get("run") + "/proposals/" + run.get("open") + "/change");

        assertThat(driver.findElements(By.id("reason-error"))).isNotEmpty();
        assertThat(afterChange).isEmpty();
    }

    /** A refused step: the problem next to its field, and what was typed still in the form. */
    @Test
    void aRefusedStepMeetsWcag21AA() throws Exception {
        browser.signedInAs(url(""), "municipality-utrecht");
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        var driver = browser.driver();
        driver.get(url("/households/" + households().get("linked")));
        submitWithoutBrowserChecks("#offer form");

        var violations = violationsAfterPost("/households/" + households().get("linked"));

        assertThat(driver.findElements(By.id("offer-district-error"))).isNotEmpty();
        assertThat(violations).isEmpty();
    }

    /** A step refused because someone else changed the household first: what was typed is shown with the message. */
    @Test
    void aStepRefusedForAConflictMeetsWcag21AA() throws Exception {
        browser.signedInAs(url(""), "municipality-utrecht");
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        var driver = browser.driver();
        driver.get(url("/households/" + households().get("linked")));
        ((JavascriptExecutor) driver).executeScript("document.querySelector('#har form [name=version]').value = '0';"
                + "document.getElementById('har-place').value = 'Hotel Gelijktijdig';");
        submitWithoutBrowserChecks("#har form");

        var violations = violationsAfterPost("/households/" + households().get("linked"));

        assertThat(driver.findElement(By.id("conflict")).getText()).contains("Iemand anders", "Hotel Gelijktijdig");
        assertThat(violations).isEmpty();
    }

    /** A register form left empty but for a BSN as reference: every problem shown next to its field. */
    @Test
    void aRefusedRegistrationMeetsWcag21AA() throws Exception {
        browser.signedInAs(url(""), "coa");
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        var driver = browser.driver();
        driver.get(url("/households/new"));
        ((JavascriptExecutor) driver).executeScript("document.getElementById('reference').value = '123456789';");
        submitWithoutBrowserChecks("main form.household-form");

        var violations = violationsAfterPost("/households");

        assertThat(driver.findElements(By.id("reference-error"))).isNotEmpty();
        assertThat(driver.findElements(By.id("permit_date-error"))).isNotEmpty();
        assertThat(driver.findElements(By.id("household_members-error"))).isNotEmpty();
        assertThat(violations).isEmpty();
    }

    /** A refused import: every problem by row and column. */
    @Test
    void aRefusedImportMeetsWcag21AA(@TempDir Path files) throws Exception {
        browser.signedInAs(url(""), "coa");
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        var driver = browser.driver();
        var file = Files.writeString(files.resolve("coa-fout.csv"),
                "reference;location;location_municipality;permit_date;members\nA11Y-1;azc;GM9999;2026-01-05;30-44/F/HEAD\n");
        driver.get(url("/households/import"));
        driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        var page = driver.findElement(By.tagName("html"));
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        browser.waitUntil(Browser.gone(page));

        var violations = violationsAfterPost("/households/import");

        assertThat(driver.findElement(By.id("problems")).getText()).contains("GM9999");
        assertThat(violations).isEmpty();
    }

    /** Submits a form as it is, past the browser's own checks (required fields), so that the server's problems show. */
    private void submitWithoutBrowserChecks(String formSelector) {
        var driver = browser.driver();
        var page = driver.findElement(By.tagName("html"));
        ((JavascriptExecutor) driver).executeScript("document.querySelector(arguments[0]).submit();", formSelector);
        browser.waitUntil(Browser.gone(page));
    }

    /** The households the household pages are checked on, one per stage; created once for this application context. */
    private synchronized Map<String, Long> households() throws Exception {
        if (householdIds != null && householdIds.get("context") == contextId()) {
            return householdIds;
        }
        var today = LocalDate.now(AuditTrail.ZONE);
        var ids = new LinkedHashMap<String, Long>();
        SecurityContextHolder.getContext().setAuthentication(TestUsers.signedIn(Role.COA_PLANNER));
        try {
            var prefix = "A11Y" + System.nanoTime() % 1_000_000_000L;
            ids.put("awaiting", register.register(household(prefix + "-W", today.minusDays(30),
                    new FirmCriterion(FirmCriterion.Kind.WORK, UTRECHT, 16))));
            long linked = register.register(household(prefix + "-L", today.minusDays(120)));
            journeys.link(linked, 0, UTRECHT, today.minusDays(100));
            ids.put("linked", linked);
            long offered = register.register(household(prefix + "-O", today.minusDays(60)));
            journeys.link(offered, 0, UTRECHT, today.minusDays(50));
            journeys.offer(offered, 1, today.minusDays(10), "Overvecht", 3);
            ids.put("offered", offered);
            // Placed five months ago: a step that old is taken over with its history, not recorded today.
            register.recordHistory(List.of(new HouseholdHistory(household(prefix + "-H", today.minusDays(250)), UTRECHT,
                    today.minusDays(240), null, null, null, today.minusDays(160), "Hotel Toegankelijk", null)));
            ids.put("har", register.search(new HouseholdFilter(prefix + "-H", null, null, null, null, null, null, null),
                    0, 1).rows().get(0).id());
            long housed = register.register(household(prefix + "-D", today.minusDays(90)));
            journeys.link(housed, 0, AMERSFOORT, today.minusDays(80));
            journeys.cancelLink(housed, 1, "MUNICIPALITY_ERROR", null, today.minusDays(70));
            journeys.link(housed, 2, UTRECHT, today.minusDays(60));
            journeys.offer(housed, 3, today.minusDays(20), "Lunetten", 2);
            journeys.moveIn(housed, 4, today.minusDays(5), null, null);
            ids.put("housed", housed);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
        ids.put("context", contextId());
        householdIds = ids;
        return ids;
    }

    /**
     * A finished run of three households in the region of Amersfoort, made once for this application context:
     * one proposal left open, one linked elsewhere by hand and one rejected, each with a reason.
     */
    private synchronized Map<String, Long> linkingRun() throws Exception {
        if (linkingRunIds != null && linkingRunIds.get("context") == contextId()) {
            return linkingRunIds;
        }
        var ids = new LinkedHashMap<String, Long>();
        SecurityContextHolder.getContext().setAuthentication(TestUsers.signedIn(Role.COA_PLANNER));
        try {
            var prefix = "A11Y" + System.nanoTime() % 1_000_000_000L;
            var permit = OldestPermits.next();
            var households = new ArrayList<Long>();
            for (int i = 0; i < 3; i++) {
                households.add(register.register(household(prefix + "-RUN" + i, permit.plusDays(i))));
            }
            var region = registry.find(AMERSFOORT).map(Municipality::coaRegion).orElseThrow();
            long run = runs.start(new RunRequest(region, households.size(), 0, 1, LinkingWeights.DEFAULT));
            for (int i = 0; i < 300 && runs.find(run).orElseThrow().running(); i++) {
                Thread.sleep(100);
            }
            assertThat(runs.find(run).orElseThrow().finished()).as("run %d finished", run).isTrue();
            var explanation = runs.explain(run, households.get(1));
            var elsewhere = explanation.options().stream().map(o -> o.municipality())
                    .filter(m -> !m.equals(explanation.proposal().municipality())).findFirst()
                    .orElse(explanation.options().get(0).municipality());
            runs.change(run, households.get(1), elsewhere, "Dichter bij familie");
            runs.reject(run, List.of(households.get(2)), "Eerst een gesprek met de gemeente");
            ids.put("run", run);
            ids.put("open", households.get(0));
            ids.put("changed", households.get(1));
            ids.put("rejected", households.get(2));
        }
        finally {
            SecurityContextHolder.clearContext();
        }
        ids.put("context", contextId());
        linkingRunIds = ids;
        return ids;
    }

    private long contextId() {
        return System.identityHashCode(register);
    }

    private static HouseholdForm household(String reference, LocalDate permit, FirmCriterion... criteria) {
        return new HouseholdForm(reference, "azc Toegankelijk", AMERSFOORT, permit,
                new Profile("Tigrinya", Profile.Education.VOCATIONAL, Profile.WorkExperience.SOME, Profile.Limitation.MOBILITY),
                List.of(new Member(Member.AgeBand.A30_44, Member.Sex.F, Member.Role.HEAD),
                        new Member(Member.AgeBand.A30_44, Member.Sex.M, Member.Role.PARTNER),
                        new Member(Member.AgeBand.A5_11, Member.Sex.X, Member.Role.CHILD)),
                List.of(criteria));
    }

    // ---- Temporary sites (issue 6) ----

    @Autowired
    nl.doorstroom.sites.SiteInventory sites;

    private static Map<String, Long> siteIds;

    /** The site pages, as the roles that use them see them; {@code {site}} is a site in Utrecht created for this test. */
    @ParameterizedTest
    @CsvSource({ "coordinator, /sites", "coordinator, /sites?lang=en",
            "coordinator, /sites?province=PV26&kind=HOTEL&status=IN_USE&status=AGREED&har=yes",
            "coordinator, /sites?kind=KASTEEL", "coordinator, /sites/{site}", "coordinator, /sites/{site}?lang=en",
            "coordinator, /sites/{dropped}", "coordinator, /sites/new", "coordinator, /sites/new?lang=en",
            "coordinator, /sites/{site}/edit", "coordinator, /sites/import", "province-utrecht, /sites",
            "province-utrecht, /sites/{site}", "municipality-utrecht, /sites", "municipality-utrecht, /sites/{site}",
            "analyst, /sites", "analyst, /sites/{site}" })
    void sitePageMeetsWcag21AA(String account, String page) {
        browser.signedInAs(url(""), account);
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        var address = page;
        for (var site : siteIds().entrySet()) {
            address = address.replace("{" + site.getKey() + "}", String.valueOf(site.getValue()));
        }

        var violations = violationsOn(address);

        assertThat(violations).as("axe violations on %s", page).isEmpty();
    }

    /** A site form refused: every problem next to its field, what was typed still there. */
    @Test
    void aRefusedSiteFormMeetsWcag21AA() {
        browser.signedInAs(url(""), "province-utrecht");
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        var driver = browser.driver();
        driver.get(url("/sites/new"));
        ((JavascriptExecutor) driver).executeScript("document.getElementById('latitude').value = '5,1';");
        submitWithoutBrowserChecks("main form.site-form");

        var violations = violationsAfterPost("/sites");

        assertThat(driver.findElements(By.id("name-error"))).isNotEmpty();
        assertThat(driver.findElements(By.id("latitude-error"))).isNotEmpty();
        assertThat(violations).isEmpty();
    }

    /** A change refused because someone else changed the site first: both versions side by side. */
    @Test
    void aSiteChangeRefusedForAConflictMeetsWcag21AA() {
        browser.signedInAs(url(""), "coordinator");
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        var driver = browser.driver();
        long id = siteIds().get("site");
        driver.get(url("/sites/" + id + "/edit"));
        ((JavascriptExecutor) driver).executeScript("document.querySelector('main form [name=version]').value = '99';"
                + "document.getElementById('capacity').value = '77';");
        submitWithoutBrowserChecks("main form.site-form");

        var violations = violationsAfterPost("/sites/" + id);

        assertThat(driver.findElement(By.id("conflict")).getText()).contains("77");
        assertThat(violations).isEmpty();
    }

    /** A status step refused (dropped without a reason): the problem next to the reason. */
    @Test
    void aRefusedSiteStatusStepMeetsWcag21AA() {
        browser.signedInAs(url(""), "municipality-utrecht");
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        var driver = browser.driver();
        long id = siteIds().get("site");
        driver.get(url("/sites/" + id));
        ((JavascriptExecutor) driver).executeScript("document.getElementById('move-status-DROPPED').checked = true;");
        submitWithoutBrowserChecks("#move form");

        var violations = violationsAfterPost("/sites/" + id + "/status");

        assertThat(driver.findElements(By.id("move-reason-error"))).isNotEmpty();
        assertThat(violations).isEmpty();
    }

    /** A refused import of sites: every problem by row and column. */
    @Test
    void aRefusedSiteImportMeetsWcag21AA(@TempDir Path files) throws Exception {
        browser.signedInAs(url(""), "province-utrecht");
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        var driver = browser.driver();
        var file = Files.writeString(files.resolve("locaties-fout.csv"),
                "name;kind;municipality;address;owner;capacity\nHotel;KASTEEL;GM0363;Damrak 1;PRIVATE;-4\n");
        driver.get(url("/sites/import"));
        driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        var page = driver.findElement(By.tagName("html"));
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        browser.waitUntil(Browser.gone(page));

        var violations = violationsAfterPost("/sites/import");

        assertThat(driver.findElement(By.id("problems")).getText()).contains("KASTEEL");
        assertThat(violations).isEmpty();
    }

    /** A site in Utrecht in use (the demo accounts' municipality) and a dropped one; created once per context. */
    private synchronized Map<String, Long> siteIds() {
        if (siteIds != null && siteIds.get("context") == System.identityHashCode(sites)) {
            return siteIds;
        }
        var today = LocalDate.now(AuditTrail.ZONE);
        var ids = new LinkedHashMap<String, Long>();
        SecurityContextHolder.getContext().setAuthentication(TestUsers.signedIn(Role.NATIONAL_COORDINATOR));
        try {
            var suffix = " A11Y " + System.nanoTime() % 1_000_000_000L;
            ids.put("site", sites.register(new nl.doorstroom.sites.SiteForm(nl.doorstroom.sites.SiteKind.HOTEL,
                    "Hotel Toegankelijk" + suffix, UTRECHT, "Stationsweg 1" + suffix, new java.math.BigDecimal("52.0907"),
                    new java.math.BigDecimal("5.1214"), nl.doorstroom.sites.SiteOwner.PRIVATE, 40, today.minusDays(10), null,
                    new java.math.BigDecimal("85.50"), "A. Toegankelijk", "Lift aanwezig"),
                    nl.doorstroom.sites.SiteStatus.AGREED, today.minusDays(5)));
            long dropped = sites.register(new nl.doorstroom.sites.SiteForm(nl.doorstroom.sites.SiteKind.STATE_LAND,
                    "Rijksgrond Toegankelijk" + suffix, UTRECHT, "Langs de A12" + suffix, null, null,
                    nl.doorstroom.sites.SiteOwner.STATE_REAL_ESTATE_AGENCY, 120, null, null, null, null, null), null,
                    today.minusDays(20));
            sites.moveStatus(dropped, 0, nl.doorstroom.sites.SiteStatus.DROPPED, today, "Bodem vervuild");
            ids.put("dropped", dropped);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
        ids.put("context", (long) System.identityHashCode(sites));
        siteIds = ids;
        return ids;
    }

    // ---- end of temporary sites ----

    // ---- reception: locations and occupancy ----

    @Autowired
    nl.doorstroom.reception.ReceptionLocations reception;

    private static Map<String, Long> receptionIds;

    /**
     * The reception pages, as the roles that use them see them; {@code {location}} is a location in Utrecht with
     * figures and a measure, created for this test.
     */
    @ParameterizedTest
    @CsvSource({ "coordinator, /reception", "coordinator, /reception?lang=en", "coa, /reception",
            "coordinator, /reception/locations", "coordinator, /reception/locations?province=PV26&kind=REGULAR",
            "coa, /reception/locations/{location}", "coa, /reception/locations/{location}?lang=en",
            "coa, /reception/locations/new", "coa, /reception/locations/{location}/edit", "coa, /reception/import",
            "province-utrecht, /reception/locations", "municipality-utrecht, /reception/locations/{location}",
            "analyst, /reception" })
    void receptionPageMeetsWcag21AA(String account, String page) {
        browser.signedInAs(url(""), account);
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        var address = page;
        for (var id : receptionIds().entrySet()) {
            address = address.replace("{" + id.getKey() + "}", String.valueOf(id.getValue()));
        }

        var violations = violationsOn(address);

        assertThat(violations).as("axe violations on %s", page).isEmpty();
    }

    /** A refused measure: every problem next to its field, what was typed still there. */
    @Test
    void aRefusedEmergencyMeasureMeetsWcag21AA() {
        browser.signedInAs(url(""), "coa");
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        long id = receptionIds().get("location");
        var driver = browser.driver();
        driver.get(url("/reception/locations/" + id));
        driver.findElement(org.openqa.selenium.By.id("places")).sendKeys("-3");
        driver.findElement(org.openqa.selenium.By.id("startsOn")).clear();
        ((JavascriptExecutor) driver).executeScript(
                "document.getElementById('measureKind').removeAttribute('required');"
                        + "document.getElementById('description').removeAttribute('required');"
                        + "document.getElementById('startsOn').removeAttribute('required');"
                        + "document.getElementById('places').closest('form').submit();");

        var violations = violationsAfterPost("/reception/locations/" + id + "/measures");

        assertThat(violations).isEmpty();
    }

    /** A location in Utrecht with a week of figures and a measure; created once per context. */
    private synchronized Map<String, Long> receptionIds() {
        if (receptionIds != null && receptionIds.get("context") == System.identityHashCode(reception)) {
            return receptionIds;
        }
        var today = LocalDate.now(AuditTrail.ZONE);
        var ids = new LinkedHashMap<String, Long>();
        SecurityContextHolder.getContext().setAuthentication(TestUsers.signedIn(Role.COA_PLANNER));
        try {
            var code = "TEST-A11Y-" + System.nanoTime() % 1_000_000_000L;
            long id = reception.register(new nl.doorstroom.reception.LocationForm(code, "Azc Toegankelijk", UTRECHT,
                    nl.doorstroom.reception.LocationKind.REGULAR, 400, 50, today.minusYears(1), null));
            reception.importFile(new java.io.ByteArrayInputStream(("location;date;in_procedure;permit_holders;other\n"
                    + code + ";" + today.minusDays(8) + ";300;80;10\n" + code + ";" + today.minusDays(1) + ";310;82;9\n")
                    .getBytes(StandardCharsets.UTF_8)));
            reception.recordMeasure(id, new nl.doorstroom.reception.MeasureForm(
                    nl.doorstroom.reception.MeasureKind.EXTRA_BEDS, "Extra bedden", today.minusDays(5), null, 40));
            ids.put("location", id);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
        ids.put("context", (long) System.identityHashCode(reception));
        receptionIds = ids;
        return ids;
    }

    // ---- end of reception: locations and occupancy ----

    // ---- housing market (issue 9) ----

    @Autowired
    nl.doorstroom.housingmarket.HousingStocks housingStocks;

    /**
     * The housing-market pages as the roles that use them see them; {@code {example}} is the demo corporation
     * Woonstichting Voorbeeld, the organisation of the corporation account.
     */
    @ParameterizedTest
    @CsvSource({ "analyst, /housing-market", "analyst, /housing-market?lang=en", "coordinator, /housing-market?province=PV26",
            "province-utrecht, /housing-market", "municipality-utrecht, /housing-market?lang=en", "corporation, /housing-market",
            "corporation, /housing-market/corporations/{example}", "corporation, /housing-market/corporations/{example}?lang=en",
            "corporation, /housing-market/corporations/{example}/figures/2026/GM0355",
            "corporation, /housing-market/corporations/{example}/figures/2026/GM0355?lang=en",
            "corporation, /housing-market/import", "coordinator, /housing-market/import?lang=en" })
    void housingMarketPageMeetsWcag21AA(String account, String page) throws Exception {
        browser.signedInAs(url(""), account);
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);

        var violations = violationsOn(page.replace("{example}", String.valueOf(exampleCorporation())));

        assertThat(violations).as("axe violations on %s", page).isEmpty();
    }

    /** Refused figures: every problem next to its field, what was typed still there. */
    @Test
    void refusedMarketFiguresMeetWcag21AA() throws Exception {
        browser.signedInAs(url(""), "corporation");
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        var path = "/housing-market/corporations/" + exampleCorporation() + "/figures/2023/GM0356";
        var driver = browser.driver();
        driver.get(url(path));
        ((JavascriptExecutor) driver).executeScript(
                "document.querySelectorAll('input').forEach(i => i.removeAttribute('required'));"
                        + "document.getElementById('homes-SMALL').value = 'veel';"
                        + "document.getElementById('allocated').value = '-1';"
                        + "document.getElementById('allocated').closest('form').submit();");

        var violations = violationsAfterPost(path);

        assertThat(violations).isEmpty();
        assertThat(driver.findElements(org.openqa.selenium.By.cssSelector("[aria-invalid=true]"))).hasSizeGreaterThan(5);
    }

    private long exampleCorporation() throws Exception {
        return TestUsers.as(Role.ADMINISTRATOR, () -> housingStocks.corporations().stream()
                .filter(c -> c.name().equals("Woonstichting Voorbeeld (synthetisch)")).findFirst().orElseThrow().id());
    }

    // ---- end of housing market ----

    // ---- the coordination centre ----

    @Autowired
    nl.doorstroom.coordination.Contacts contacts;

    private static Map<String, Long> contactIds;

    /** The coordination pages as the roles that use them see them; {@code {contact}} has a commitment made for this test. */
    @ParameterizedTest
    @CsvSource({ "coordinator, /coordination", "coordinator, /coordination?lang=en", "coordinator, /coordination/policy",
            "coordinator, /coordination/contacts", "coordinator, /coordination/contacts?municipality=GM0344",
            "coordinator, /coordination/contacts/new?municipality=GM0344", "coordinator, /coordination/contacts/new?lang=en",
            "coordinator, /coordination/contacts/{contact}", "coordinator, /coordination/contacts/{contact}?lang=en",
            "coordinator, /coordination/work", "coordinator, /coordination/weekly", "coordinator, /coordination/weekly?lang=en",
            "coordinator, /coordination/municipalities/GM0344", "province-utrecht, /coordination",
            "province-utrecht, /coordination/contacts/{contact}", "analyst, /coordination/policy",
            "municipality-utrecht, /coordination/municipalities/GM0344", "municipality-utrecht, /progress/municipalities/GM0344" })
    void coordinationPageMeetsWcag21AA(String account, String page) {
        browser.signedInAs(url(""), account);
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        var address = page.replace("{contact}", String.valueOf(contactIds().get("contact")));

        var violations = violationsOn(address);

        assertThat(violations).as("axe violations on %s", page).isEmpty();
    }

    /** A contact refused: each problem next to its field (also in a commitment row), what was typed still there. */
    @Test
    void aRefusedContactMeetsWcag21AA() {
        browser.signedInAs(url(""), "coordinator");
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        var driver = browser.driver();
        driver.get(url("/coordination/contacts/new?municipality=GM0344"));
        ((JavascriptExecutor) driver).executeScript("document.getElementById('c1-places').value = 'twintig';");
        submitWithoutBrowserChecks("main form.form");

        var violations = violationsAfterPost("/coordination/contacts");

        assertThat(driver.findElements(By.id("c1-places-error"))).isNotEmpty();
        assertThat(violations).isEmpty();
    }

    /** A decision on a commitment refused: the problem next to its field, what was typed still there. */
    @Test
    void aRefusedCommitmentDecisionMeetsWcag21AA() {
        browser.signedInAs(url(""), "coordinator");
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        var driver = browser.driver();
        long contact = contactIds().get("contact");
        long commitment = contactIds().get("commitment");
        driver.get(url("/coordination/contacts/" + contact));
        ((JavascriptExecutor) driver).executeScript("document.getElementById('places-" + commitment + "').value = 'zeven';");
        submitWithoutBrowserChecks("#commitment-" + commitment + " form");

        var violations = violationsAfterPost("/coordination/commitments/" + commitment + "/decision");

        assertThat(driver.findElement(By.id("places-" + commitment)).getAttribute("value")).isEqualTo("zeven");
        assertThat(driver.findElements(By.id("places-" + commitment + "-error"))).isNotEmpty();
        assertThat(violations).isEmpty();
    }

    /** A contact changed by someone else first: what was entered beside what is stored. */
    @Test
    void aContactChangeRefusedForAConflictMeetsWcag21AA() {
        browser.signedInAs(url(""), "coordinator");
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        var driver = browser.driver();
        long contact = contactIds().get("contact");
        driver.get(url("/coordination/contacts/" + contact));
        ((JavascriptExecutor) driver).executeScript("document.querySelector('#change form [name=version]').value = '99';"
                + "document.getElementById('outcome').value = 'Mijn andere verslag';");
        submitWithoutBrowserChecks("#change form");

        var violations = violationsAfterPost("/coordination/contacts/" + contact);

        assertThat(driver.findElement(By.cssSelector("#change [role=alert]")).getText()).contains("Mijn andere verslag");
        assertThat(violations).isEmpty();
    }

    /** A call with Utrecht with one commitment; created once per context. */
    private synchronized Map<String, Long> contactIds() {
        if (contactIds != null && contactIds.get("context") == System.identityHashCode(contacts)) {
            return contactIds;
        }
        var today = LocalDate.now(AuditTrail.ZONE);
        var ids = new LinkedHashMap<String, Long>();
        SecurityContextHolder.getContext().setAuthentication(TestUsers.signedIn(Role.NATIONAL_COORDINATOR));
        try {
            long id = contacts.log(new nl.doorstroom.coordination.ContactForm(nl.doorstroom.coordination.Contact.Party.MUNICIPALITY,
                    UTRECHT, null, null, nl.doorstroom.coordination.Contact.Kind.CALL, today.minusDays(3), "wethouder wonen",
                    "Tien plaatsen in een hotel", List.of(new nl.doorstroom.coordination.ContactForm.CommitmentForm(UTRECHT, 10,
                            nl.doorstroom.coordination.Commitment.Kind.HAR_HOTEL, null, today.plusDays(7))),
                    List.of(new nl.doorstroom.coordination.ContactForm.FollowUpForm("Terugbellen", today.plusDays(2),
                            "coordinator"))));
            ids.put("contact", id);
            ids.put("commitment", contacts.find(id).orElseThrow().commitments().get(0).id());
        }
        finally {
            SecurityContextHolder.clearContext();
        }
        ids.put("context", (long) System.identityHashCode(contacts));
        contactIds = ids;
        return ids;
    }

    // ---- end of the coordination centre ----

    // ---- supervision: letter templates ----

    /** A province's letter texts, as its supervisor (who changes them) and a national reader (who reads them) see them. */
    @ParameterizedTest
    @CsvSource({ "province-utrecht, /supervision/provinces/PV26/letters",
            "province-utrecht, /supervision/provinces/PV26/letters?lang=en",
            "province-utrecht, /supervision/provinces/PV26/letters/warning-letter",
            "province-utrecht, /supervision/provinces/PV26/letters/intention?lang=en",
            "province-utrecht, /supervision/provinces/PV26/letters/substitution-decision",
            "analyst, /supervision/provinces/PV26/letters", "analyst, /supervision/provinces/PV26/letters/intention" })
    void letterTemplatePageMeetsWcag21AA(String account, String page) {
        browser.signedInAs(url(""), account);
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);

        var violations = violationsOn(page);

        assertThat(violations).as("axe violations on %s", page).isEmpty();
    }

    /** A letter text refused: each problem next to the field, the text as typed still in it. */
    @Test
    void aRefusedLetterTextMeetsWcag21AA() {
        browser.signedInAs(url(""), "province-utrecht");
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        var driver = browser.driver();
        driver.get(url("/supervision/provinces/PV26/letters/intention"));
        ((JavascriptExecutor) driver).executeScript("document.getElementById('body').value = 'Beste {{burgemeester}}';");
        submitWithoutBrowserChecks("#template-form");

        var violations = violationsAfterPost("/supervision/provinces/PV26/letters/intention");

        assertThat(driver.findElement(By.id("body")).getAttribute("value")).isEqualTo("Beste {{burgemeester}}");
        assertThat(driver.findElements(By.id("body-error"))).isNotEmpty();
        assertThat(violations).isEmpty();
    }

    // ---- end of supervision: letter templates ----

    // ---- governance: the table's letters and open data ----

    @Autowired
    nl.doorstroom.governance.TableLetterBatches tableLetterBatches;

    private static boolean tableLetterBatchWritten;

    private long tableLetterTemplate() {
        return jdbc.sql("SELECT id FROM table_letter_template WHERE name = 'Oproep tot versnelling huisvesting vergunninghouders'")
                .query(Long.class).single();
    }

    /** The letters pages (with a batch written, so its table shows) and the open data page, in Dutch and English. */
    @ParameterizedTest
    @CsvSource({ "coordinator, /governance/letters", "coordinator, /governance/letters?lang=en",
            "coordinator, /governance/letters/templates/{template}",
            "coordinator, /governance/letters/templates/{template}?lang=en",
            "coordinator, /governance/letters/templates/new",
            "coordinator, /governance/letters/new?province=PV26&colour=RED",
            "coordinator, /governance/letters/new?lang=en&step=ANY",
            "province-utrecht, /governance/letters/new", "province-utrecht, /governance/letters/templates/{template}?lang=en",
            "municipality-utrecht, /open-data", "municipality-utrecht, /open-data?lang=en",
            "corporation, /open-data?period=2024-I" })
    void governanceLetterAndOpenDataPagesMeetWcag21AA(String account, String page) throws Exception {
        if (!tableLetterBatchWritten) {
            long template = tableLetterTemplate();
            TestUsers.as(Role.NATIONAL_COORDINATOR, () -> tableLetterBatches.generate(template, null,
                    List.of(MunicipalityCode.of("GM0344"), MunicipalityCode.of("GM0363")), LocalDate.now(AuditTrail.ZONE)));
            tableLetterBatchWritten = true;
        }
        browser.signedInAs(url(""), account);
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);

        var violations = violationsOn(page.replace("{template}", String.valueOf(tableLetterTemplate())));

        assertThat(violations).as("axe violations on %s", page).isEmpty();
    }

    /** A template refused for an unknown placeholder: the problem next to the field, the text as typed still in it. */
    @Test
    void aRefusedTableLetterTemplateMeetsWcag21AA() {
        browser.signedInAs(url(""), "coordinator");
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        var driver = browser.driver();
        driver.get(url("/governance/letters/templates/new"));
        ((JavascriptExecutor) driver).executeScript("document.getElementById('letterName').value = 'Toegankelijk';"
                + "document.getElementById('letterSubject').value = 'Aan {{gemeente}}';"
                + "document.getElementById('body').value = 'Beste {{burgemeester}}';");
        submitWithoutBrowserChecks("#template-form");

        var violations = violationsAfterPost("/governance/letters/templates");

        assertThat(driver.findElement(By.id("body")).getAttribute("value")).isEqualTo("Beste {{burgemeester}}");
        assertThat(driver.findElements(By.id("body-error"))).isNotEmpty();
        assertThat(violations).isEmpty();
    }

    // ---- end of governance: the table's letters and open data ----

    // ---- supervision: cases, assessments, ladder ----

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** An open case of the demo in the province of Utrecht with a step past its first. */
    private long demoCase() {
        return jdbc.sql("""
                SELECT c.id FROM escalation_case c WHERE c.province_code = 'PV26' AND c.status = 'OPEN'
                ORDER BY (SELECT count(*) FROM escalation_case_step s WHERE s.case_id = c.id) DESC, c.id LIMIT 1""")
                .query(Long.class).single();
    }

    /** The supervision pages as a province supervisor, a national reader and a municipality officer see them. */
    @ParameterizedTest
    @CsvSource({ "province-utrecht, /supervision/provinces/PV26", "province-utrecht, /supervision/provinces/PV26?lang=en",
            "province-utrecht, /supervision/overdue", "province-utrecht, /supervision/overdue?date=2027-06-30&lang=en",
            "province-utrecht, /supervision/assessments", "province-utrecht, /supervision/assessments?lang=en",
            "province-utrecht, /supervision/municipalities/GM0344", "province-utrecht, /supervision/cases/{case}",
            "province-utrecht, /supervision/cases/{case}?lang=en", "province-utrecht, /supervision/provinces/PV26/ladder",
            "province-utrecht, /supervision/provinces/PV26/ladder?lang=en", "coordinator, /supervision",
            "coordinator, /supervision?lang=en", "analyst, /supervision/cases/{case}",
            "municipality-utrecht, /supervision/municipalities/GM0344" })
    void supervisionPageMeetsWcag21AA(String account, String page) {
        browser.signedInAs(url(""), account);
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        var address = page.replace("{case}", String.valueOf(demoCase()));

        var violations = violationsOn(address);

        assertThat(violations).as("axe violations on %s", page).isEmpty();
    }

    /** A move refused (a jump without justification): the problem next to its field, the choice kept. */
    @Test
    void aRefusedMoveMeetsWcag21AA() {
        browser.signedInAs(url(""), "province-utrecht");
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        var driver = browser.driver();
        long id = demoCase();
        driver.get(url("/supervision/cases/" + id));
        ((JavascriptExecutor) driver).executeScript("""
                const select = document.getElementById('move-stepKey');
                select.selectedIndex = (select.selectedIndex + 2) % select.options.length;
                document.getElementById('move-decisionMaker').value = 'GS';""");
        submitWithoutBrowserChecks("#move form");

        var violations = violationsAfterPost("/supervision/cases/" + id + "/steps");

        assertThat(driver.findElements(By.id("move-justification-error"))).isNotEmpty();
        assertThat(violations).isEmpty();
    }

    /** A ladder refused (a step of the province's own without a name): the row named, nothing saved. */
    @Test
    void aRefusedLadderMeetsWcag21AA() {
        browser.signedInAs(url(""), "province-utrecht");
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        var driver = browser.driver();
        driver.get(url("/supervision/provinces/PV26/ladder"));
        ((JavascriptExecutor) driver).executeScript("""
                const rows = document.querySelectorAll('main table tbody tr');
                const kind = rows[rows.length - 1].querySelector('select');
                kind.value = 'OTHER';""");
        submitWithoutBrowserChecks("main form.form");

        var violations = violationsAfterPost("/supervision/provinces/PV26/ladder");

        assertThat(driver.findElement(By.id("problems")).getText()).contains("7");
        assertThat(violations).isEmpty();
    }

    // ---- end of supervision: cases, assessments, ladder ----

    // ---- reception: tasks ----

    /** The reception task pages (issue 8), as the roles that use them see them; the demo's computation is in force. */
    @ParameterizedTest
    @CsvSource({ "coordinator, /reception/tasks", "coordinator, /reception/tasks?lang=en",
            "coordinator, /reception/tasks?province=PV26", "coordinator, /reception/tasks?date=2001-01-01",
            "coordinator, /reception/tasks?date=gisteren", "coordinator, /reception/tasks/totals",
            "coordinator, /reception/tasks/totals?lang=en", "coordinator, /reception/tasks/calculations",
            "coordinator, /reception/tasks/places-import", "coordinator, /reception/tasks/ukrainians-import",
            "analyst, /reception/tasks", "analyst, /reception/tasks/calculations", "coa, /reception/tasks",
            "province-utrecht, /reception/tasks", "municipality-utrecht, /reception/tasks",
            "admin, /reception/tasks/places-import" })
    void receptionTaskPageMeetsWcag21AA(String account, String page) {
        browser.signedInAs(url(""), account);
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);

        var violations = violationsOn(page);

        assertThat(violations).as("axe violations on %s", page).isEmpty();
    }

    /** A national total refused: every problem next to its field, what was typed still there. */
    @Test
    void aRefusedReceptionTaskTotalMeetsWcag21AA() {
        browser.signedInAs(url(""), "coordinator");
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        var driver = browser.driver();
        driver.get(url("/reception/tasks/totals"));
        ((JavascriptExecutor) driver).executeScript("document.getElementById('total').value = '-1';"
                + "document.getElementById('effectiveDate').value = '';");
        submitWithoutBrowserChecks("main form.form");

        var violations = violationsAfterPost("/reception/tasks/totals");

        assertThat(driver.findElements(By.id("total-error"))).isNotEmpty();
        assertThat(driver.findElements(By.id("reason-error"))).isNotEmpty();
        assertThat(violations).isEmpty();
    }

    // ---- end of reception: tasks ----

    // ---- forecasts ----

    /** The forecast pages: the scenarios, a new scenario, and a comparison once its runs are done. */
    @ParameterizedTest
    @CsvSource({ "analyst, /forecasts", "analyst, /forecasts?lang=en", "analyst, /forecasts/scenarios/new",
            "analyst, /forecasts/scenarios/new?lang=en", "province-utrecht, /forecasts", "analyst, /forecasts/compare?runs={runs}",
            "analyst, /forecasts/compare?runs={runs}&lang=en", "municipality-utrecht, /forecasts/compare?runs={runs}",
            "analyst, /forecasts/backtest", "analyst, /forecasts/backtest?lang=en",
            "coordinator, /coordination/whole-picture", "coordinator, /coordination/whole-picture?province=PV26&lang=en",
            "province-utrecht, /coordination/whole-picture" })
    void forecastPageMeetsWcag21AA(String account, String page) throws Exception {
        browser.signedInAs(url(""), account);
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);

        var violations = violationsOn(page.replace("{runs}", forecastRuns()));

        assertThat(violations).as("axe violations on %s", page).isEmpty();
    }

    @Autowired
    nl.doorstroom.forecasting.ForecastScenarios forecastScenarios;

    @Autowired
    nl.doorstroom.forecasting.ForecastRuns forecastRuns;

    private static String comparedRuns;

    /** Two scenarios run to the end (small runs), once for this application context. */
    private synchronized String forecastRuns() throws Exception {
        if (comparedRuns == null) {
            var ids = nl.doorstroom.TestUsers.as(nl.doorstroom.identity.Role.MINISTRY_ANALYST, () -> {
                var base = forecastScenarios.baseline();
                var today = java.time.LocalDate.now(nl.doorstroom.identity.AuditTrail.ZONE);
                long a = forecastScenarios.create("Toegankelijkheid: basis", null, base, today);
                long b = forecastScenarios.create("Toegankelijkheid: +500", null, base.with("extraPlaces", 500), today);
                return forecastRuns.start(List.of(a, b), 200, 3L);
            });
            for (long id : ids) {
                long until = System.nanoTime() + 60_000_000_000L;
                while (!nl.doorstroom.TestUsers.as(nl.doorstroom.identity.Role.MINISTRY_ANALYST,
                        () -> forecastRuns.find(id)).status().finished() && System.nanoTime() < until) {
                    Thread.sleep(100);
                }
            }
            comparedRuns = ids.get(0) + "," + ids.get(1);
        }
        return comparedRuns;
    }

    /** A scenario refused: each problem next to its field, what was typed kept. */
    @Test
    void aRefusedScenarioMeetsWcag21AA() {
        browser.signedInAs(url(""), "analyst");
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        var driver = browser.driver();
        driver.get(url("/forecasts/scenarios/new"));
        ((JavascriptExecutor) driver).executeScript("document.getElementById('grantShare').value = 'veel';");
        submitWithoutBrowserChecks("main form.form");

        var violations = violationsAfterPost("/forecasts/scenarios");

        assertThat(driver.findElements(By.id("grantShare-error"))).isNotEmpty();
        assertThat(driver.findElement(By.id("grantShare")).getAttribute("value")).isEqualTo("veel");
        assertThat(violations).isEmpty();
    }

    // ---- end of forecasts ----

    // ---- allocation share (housing market simulations) ----

    @Autowired
    nl.doorstroom.housingmarket.AllocationScenarios allocationScenarios;

    private static String allocationScenario;

    /** The simulation pages: the scenarios with the form, a scenario simulated at two shares, the needed shares. */
    @ParameterizedTest
    @CsvSource({ "analyst, /housing-market/simulations", "analyst, /housing-market/simulations?lang=en",
            "analyst, /housing-market/simulations/{scenario}", "analyst, /housing-market/simulations/{scenario}?lang=en",
            "province-utrecht, /housing-market/simulations/{scenario}", "corporation, /housing-market/simulations",
            "province-utrecht, /housing-market/needed-share", "analyst, /housing-market/needed-share?area=PV26&lang=en" })
    void simulationPageMeetsWcag21AA(String account, String page) throws Exception {
        browser.signedInAs(url(""), account);
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);

        var violations = violationsOn(page.replace("{scenario}", allocationScenario()));

        assertThat(violations).as("axe violations on %s", page).isEmpty();
    }

    /** Figures for Houten (made for this test) and a scenario at two shares, once for this application context. */
    private synchronized String allocationScenario() throws Exception {
        if (allocationScenario == null) {
            var houten = MunicipalityCode.of("GM0321");
            int year = LocalDate.now(AuditTrail.ZONE).getYear();
            nl.doorstroom.TestUsers.as(Role.ADMINISTRATOR, () -> {
                long corporation = housingStocks.registerSyntheticCorporation("Toegankelijk " + System.nanoTime(), null);
                var vacancies = new java.util.EnumMap<nl.doorstroom.housingmarket.SizeBand, Integer>(
                        nl.doorstroom.housingmarket.SizeBand.class);
                vacancies.put(nl.doorstroom.housingmarket.SizeBand.SMALL, 100);
                vacancies.put(nl.doorstroom.housingmarket.SizeBand.MEDIUM, 80);
                vacancies.put(nl.doorstroom.housingmarket.SizeBand.LARGE, 10);
                vacancies.put(nl.doorstroom.housingmarket.SizeBand.EXTRA_LARGE, 1);
                return housingStocks.change(corporation, houten, year, 0,
                        new nl.doorstroom.housingmarket.FiguresForm(vacancies, vacancies, 20, 1800, 48.0, 900));
            });
            long id = nl.doorstroom.TestUsers.as(Role.MINISTRY_ANALYST, () -> allocationScenarios.create(
                    new nl.doorstroom.housingmarket.ScenarioDraft("Toegankelijkheid: Houten", null, houten.value(), year,
                            List.of(0.15, 0.4), Map.of(nl.doorstroom.housingmarket.SizeBand.LARGE, 0.2), null, null)));
            allocationScenario = String.valueOf(id);
        }
        return allocationScenario;
    }

    // ---- end of allocation share ----

    // ---- weekly reports ----

    /** The weekly reports: the list with the form, and a kept report's figures (one made for this test). */
    @ParameterizedTest
    @CsvSource({ "coordinator, /governance/reports", "coordinator, /governance/reports?lang=en",
            "province-utrecht, /governance/reports", "coordinator, /governance/reports/{report}",
            "analyst, /governance/reports/{report}?lang=en", "coordinator, /governance/jobs/{job}",
            "analyst, /governance/jobs/{job}?lang=en" })
    void weeklyReportPageMeetsWcag21AA(String account, String page) throws Exception {
        browser.signedInAs(url(""), account);
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        if (page.contains("{job}")) {
            page = page.replace("{job}", reportJob());
        }

        var violations = violationsOn(page.replace("{report}", weeklyReport()));

        assertThat(violations).as("axe violations on %s", page).isEmpty();
    }

    /** A report asked for a day to come: the problem next to the date, what was typed kept. */
    @Test
    void aRefusedWeeklyReportMeetsWcag21AA() {
        browser.signedInAs(url(""), "coordinator");
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        var driver = browser.driver();
        driver.get(url("/governance/reports"));
        ((JavascriptExecutor) driver).executeScript("document.getElementById('referenceDate').value = '2999-01-01';");
        submitWithoutBrowserChecks("main form.form");

        var violations = violationsAfterPost("/governance/reports");

        assertThat(driver.findElements(By.id("referenceDate-error"))).isNotEmpty();
        assertThat(violations).isEmpty();
    }

    @Autowired
    nl.doorstroom.governance.WeeklyReports weeklyReports;

    private static String keptReport;
    private static String reportJob;

    /** A report being made in the background (running or done by the time the page is checked). */
    private synchronized String reportJob() throws Exception {
        if (reportJob == null) {
            reportJob = String.valueOf(nl.doorstroom.TestUsers.as(nl.doorstroom.identity.Role.NATIONAL_COORDINATOR,
                    () -> weeklyReports.start(java.time.LocalDate.now(nl.doorstroom.identity.AuditTrail.ZONE), null)
                            .id()));
        }
        return reportJob;
    }

    private synchronized String weeklyReport() throws Exception {
        if (keptReport == null) {
            keptReport = String.valueOf(nl.doorstroom.TestUsers.as(nl.doorstroom.identity.Role.NATIONAL_COORDINATOR,
                    () -> weeklyReports.generate(java.time.LocalDate.now(nl.doorstroom.identity.AuditTrail.ZONE),
                            java.util.Locale.forLanguageTag("nl"))).id());
        }
        return keptReport;
    }

    // ---- end of weekly reports ----

    // ---- governance: meetings and action items ----

    /** A demo meeting still to come ({@code planned}) or held, and a demo action item of the municipality of Utrecht. */
    private String governancePage(String page) {
        return page
                .replace("{planned}", String.valueOf(jdbc.sql("SELECT id FROM meeting WHERE synthetic AND held_on >= "
                        + "current_date ORDER BY held_on, id LIMIT 1").query(Long.class).single()))
                .replace("{held}", String.valueOf(jdbc.sql("SELECT id FROM meeting WHERE synthetic AND held_on < "
                        + "current_date ORDER BY held_on DESC, id LIMIT 1").query(Long.class).single()))
                .replace("{item}", String.valueOf(jdbc.sql("SELECT id FROM action_item WHERE synthetic AND "
                        + "owner_organisation = 'Gemeente Utrecht' ORDER BY id LIMIT 1").query(Long.class).single()));
    }

    /** The table's pages (issue 10) as the chair's side, a municipality and a corporation see them. */
    @ParameterizedTest
    @CsvSource({ "coordinator, /governance", "coordinator, /governance?lang=en", "coordinator, /governance/meetings/new",
            "coordinator, /governance/meetings/{planned}", "coordinator, /governance/meetings/{planned}?lang=en",
            "coordinator, /governance/meetings/{held}", "coordinator, /governance/meetings/{planned}/agenda",
            "coordinator, /governance/meetings/{planned}/edit", "coordinator, /governance/action-items",
            "coordinator, /governance/action-items?show=all&overdue=true&lang=en",
            "coordinator, /governance/action-items/new?link=MUNICIPALITY:GM0344", "coordinator, /governance/action-items/{item}",
            "coordinator, /governance/action-items/{item}/edit", "municipality-utrecht, /governance",
            "municipality-utrecht, /governance/meetings/{held}", "municipality-utrecht, /governance/action-items/{item}",
            "corporation, /governance/action-items?show=all" })
    void governancePageMeetsWcag21AA(String account, String page) {
        browser.signedInAs(url(""), account);
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);

        var violations = violationsOn(governancePage(page));

        assertThat(violations).as("axe violations on %s", page).isEmpty();
    }

    /** An action item refused for a link that is no link: the problem named by its line, next to the field. */
    @Test
    void aRefusedActionItemMeetsWcag21AA() {
        browser.signedInAs(url(""), "coordinator");
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE);
        var driver = browser.driver();
        driver.get(url("/governance/action-items/new?link=KASTEEL:1"));
        submitWithoutBrowserChecks("main form.form");

        var violations = violationsAfterPost("/governance/action-items");

        assertThat(driver.findElement(By.id("links-error")).getText()).contains("Regel 1", "KASTEEL:1");
        assertThat(driver.findElements(By.id("problems"))).isNotEmpty();
        assertThat(violations).isEmpty();
    }

    // ---- end of governance: meetings and action items ----

    @ParameterizedTest
    @ValueSource(strings = { "/login", "/login?error", "/login?logout&lang=en" })
    void loginPageMeetsWcag21AA(String page) {
        browser.startAfresh(url(""));

        var violations = violationsOn(page);

        assertThat(violations).as("axe violations on %s", page).isEmpty();
    }

    private List<String> violationsOn(String page) {
        browser.driver().get(url(page));
        return violationsAfterPost(page);
    }

    /** The violations on the page the browser shows now, which {@code page} led to. */
    private List<String> violationsAfterPost(String page) {
        var driver = browser.driver();
        assertThat(URI.create(driver.getCurrentUrl()).getPath()).as("where %s led", page)
                .isEqualTo(URI.create(page).getPath());
        assertThat(driver.getTitle()).as("title of %s", page)
                .doesNotContain("Er ging iets mis", "Niet gevonden", "Geen toegang", "Something went wrong");
        var js = (JavascriptExecutor) driver;
        js.executeScript(axe());
        var result = (String) js.executeAsyncScript(RUN_AXE);
        assertThat(result).as("axe result on %s (blocked by the Content-Security-Policy?)", page)
                .doesNotStartWith("axe failed");
        return describe(page, JsonMapper.builder().build().readTree(result));
    }

    /** One line per violation: page, rule, impact, help and the first three elements it concerns. */
    private static List<String> describe(String page, JsonNode violations) {
        var lines = new ArrayList<String>();
        for (var violation : violations) {
            var targets = new ArrayList<String>();
            for (var node : violation.get("nodes")) {
                if (targets.size() < 3) {
                    targets.add(node.get("target").toString());
                }
            }
            lines.add("%s: %s (%s) %s; %d element(s), e.g. %s".formatted(page, violation.get("id").asString(),
                    violation.path("impact").asString("?"), violation.get("help").asString(),
                    violation.get("nodes").size(), String.join(" ", targets)));
        }
        return lines;
    }

    private static synchronized String axe() {
        if (axeSource == null) {
            axeSource = readAxe();
        }
        return axeSource;
    }

    private static String readAxe() {
        try {
            if (Files.isRegularFile(NPM_AXE)) {
                return Files.readString(NPM_AXE);
            }
            var loader = AccessibilityTests.class.getClassLoader();
            var pom = new Properties();
            try (var in = loader.getResourceAsStream(WEBJAR)) {
                pom.load(in);
            }
            var script = "META-INF/resources/webjars/axe-core/" + pom.getProperty("version") + "/axe.min.js";
            try (var in = loader.getResourceAsStream(script)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
