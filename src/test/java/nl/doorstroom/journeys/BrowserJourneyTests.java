package nl.doorstroom.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.Role;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.permitholders.HouseholdForm;
import nl.doorstroom.permitholders.HouseholdRegister;
import nl.doorstroom.permitholders.Journeys;
import nl.doorstroom.permitholders.Member;
import nl.doorstroom.permitholders.Profile;
import nl.doorstroom.shared.MunicipalityCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserJourneyTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    static final MunicipalityCode UTRECHT = MunicipalityCode.of("GM0344");

    @Autowired
    MunicipalityRegistry registry;

    @Autowired
    HouseholdRegister register;

    @Autowired
    Journeys journeys;

    @TempDir
    Path files;

    WebDriver driver;

    @BeforeEach
    void newVisitor() {
        driver = browser.driver();
        browser.startAfresh(url(""));
    }

    @Test
    void newUserLogsInFollowsTheMapToAMunicipalitySwitchesLanguageAndLogsOut() {
        driver.get(url("/"));
        assertThat(path()).isEqualTo("/login");

        browser.logInAs("coordinator");

        assertThat(path()).isEqualTo("/");
        var map = driver.findElement(By.cssSelector("main svg"));
        assertThat(map.findElements(By.cssSelector("a.area"))).hasSize(342);

        var utrecht = map.findElement(By.cssSelector("a.area[href$='/municipalities/GM0344']"));
        utrecht.sendKeys(Keys.ENTER);
        browser.waitUntil(ExpectedConditions.urlContains("/municipalities/GM0344"));

        assertThat(heading()).isEqualTo("Gemeente Utrecht");
        assertThat(fact("Code")).isEqualTo("GM0344");
        assertThat(fact("Provincie")).isEqualTo("Utrecht");
        assertThat(driver.findElement(By.id("neighbours-heading")).getText()).isEqualTo("Buurgemeenten (9)");
        assertThat(texts(By.cssSelector("[aria-labelledby=neighbours-heading] li")))
                .contains("De Bilt", "Nieuwegein", "Stichtse Vecht", "Zeist");

        driver.findElement(By.linkText("English")).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Municipality of Utrecht"));

        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(fact("Province")).isEqualTo("Utrecht");

        driver.findElement(By.linkText("Nederlands")).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Gemeente Utrecht"));

        driver.findElement(By.cssSelector("header form[action$='/logout'] button")).click();
        browser.waitUntil(ExpectedConditions.urlContains("/login"));

        assertThat(path()).isEqualTo("/login");
        assertThat(heading()).isEqualTo("Aanmelden");
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("U bent afgemeld.");
    }

    @Test
    void importWithOneBadRowIsRefusedWholeAndListsEveryProblem() throws IOException {
        browser.logInAs(url(""), "coordinator");
        driver.get(url("/population-versions"));
        var versionsBefore = texts(By.cssSelector("main table tbody tr"));
        var municipalities = registry.all();
        var rows = populationRows(municipalities);
        int utrecht = municipalities.indexOf(registry.find(MunicipalityCode.of("GM0344")).orElseThrow());
        rows.set(utrecht, "GM0344;Utrecht;-5");
        int negativeRow = utrecht + 2; // row 1 is the header
        rows.add("GM9999;Nergenshuizen;1000");
        int unknownRow = rows.size() + 1;

        upload(csv("bevolking-fout.csv", rows), "Journey: refused");

        assertThat(heading()).isEqualTo("Bevolkingscijfers importeren");
        var problems = driver.findElement(By.id("problems"));
        assertThat(problems.findElement(By.tagName("h2")).getText())
                .isEqualTo("Bestand bevolking-fout.csv is geweigerd; er is niets opgeslagen. Er zijn 2 problemen:");
        assertThat(texts(problems, By.cssSelector("tbody tr"))).containsExactlyInAnyOrder(
                negativeRow + " Bevolking '-5' is negatief; een bevolking is nul of meer.",
                unknownRow + " Code GM9999 is geen gemeente van de huidige indeling.");
        driver.get(url("/population-versions"));
        assertThat(texts(By.cssSelector("main table tbody tr"))).isEqualTo(versionsBefore);

        upload(csv("bevolking-goed.csv", populationRows(municipalities)), "Journey: accepted");

        assertThat(heading()).isEqualTo("Journey: accepted");
        assertThat(driver.findElement(By.cssSelector("main [role=status]")).getText())
                .isEqualTo("De cijfers zijn geïmporteerd als nieuwe versie.");
        driver.get(url("/population-versions"));
        assertThat(texts(By.cssSelector("main table tbody tr td:nth-child(2)")))
                .hasSize(versionsBefore.size() + 1)
                .contains("Journey: accepted");
    }

    @Test
    void provinceSupervisorFindsTheTenMunicipalitiesFurthestBehindAndOpensOne() {
        browser.logInAs(url(""), "province-utrecht");
        driver.get(url("/"));

        driver.findElement(By.linkText("Voortgang")).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Voortgang huisvesting vergunninghouders"));
        assertThat(driver.findElements(By.cssSelector("#trend-chart canvas"))).as("the trend chart is drawn").isNotEmpty();
        browser.waitUntil(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#progress-map svg a.area"), 342));
        driver.findElement(By.linkText("Alle gemeenten")).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Voortgang per gemeente"));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("province"))).selectByVisibleText("Utrecht");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("sort")))
                .selectByVisibleText("achterstand (grootst eerst)");
        var page = driver.findElement(By.tagName("html"));
        driver.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
        browser.waitUntil(ExpectedConditions.stalenessOf(page));

        var rows = driver.findElements(By.cssSelector("main table.data tbody tr"));
        assertThat(rows).hasSize(26);
        var shortfalls = rows.stream().limit(10)
                .map(r -> Long.parseLong(r.findElements(By.tagName("td")).get(6).getText().replace(".", ""))).toList();
        assertThat(shortfalls).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(rows.stream().limit(10).map(r -> r.findElements(By.tagName("td")).get(1).getText()))
                .containsOnly("Utrecht");
        var furthest = rows.get(0).findElement(By.tagName("a"));
        var name = furthest.getText();

        furthest.click();
        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Voortgang " + name));

        assertThat(driver.findElement(By.xpath("//dl[@class='figures']//dt[.='Achterstand']/following-sibling::dd[1]"))
                .getText().replace(".", "")).isEqualTo(String.valueOf(shortfalls.get(0)));
        assertThat(driver.findElements(By.cssSelector("[aria-labelledby=history-heading] tbody tr")))
                .hasSizeGreaterThanOrEqualTo(10);
        assertThat(driver.findElements(By.cssSelector("#history-chart canvas"))).isNotEmpty();
        assertThat(driver.findElement(By.id("excuse-heading")).getText()).isEqualTo("Niet voldaan, maar verschoonbaar");
    }

    @Test
    void municipalityRecordsAnOfferAndAMoveAndItsProgressGoesUp() throws Exception {
        var today = LocalDate.now(AuditTrail.ZONE);
        var prefix = "JOURNEY" + System.nanoTime() % 1_000_000_000L;
        asCoaPlanner(() -> {
            // A HAR placement this month: from now on this month of Utrecht is counted from housing events, which
            // replace COA's imported figure, so the move below adds its persons to the figure measured before it.
            long placed = register.register(household(prefix + "-HAR", today.minusDays(40), 1));
            journeys.link(placed, 0, UTRECHT, today.minusDays(30));
            journeys.placeUnderHar(placed, 1, today, "Hotel Journey");
            return null;
        });
        var reference = prefix + "-MOVE";
        asCoaPlanner(() -> journeys.link(register.register(household(reference, today.minusDays(50), 3)), 0, UTRECHT,
                today.minusDays(40)));
        browser.logInAs(url(""), "municipality-utrecht");
        driver.get(url("/progress/municipalities/GM0344"));
        long housedBefore = housedThisHalfYear();

        driver.findElement(By.linkText("Huishoudens")).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Huishoudens gekoppeld aan Utrecht"));
        driver.findElement(By.id("reference")).sendKeys(reference);
        submitAndWait(By.cssSelector("form[role=search] button[type=submit]"));
        assertThat(texts(By.cssSelector("main table.data tbody tr"))).singleElement().asString()
                .contains(reference, "Gekoppeld", "Utrecht").doesNotContain("azc");
        driver.findElement(By.linkText(reference)).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Huishouden " + reference));
        assertThat(driver.findElement(By.id("members-heading")).getText()).isEqualTo("Gezinsleden (3)");

        driver.findElement(By.id("offer-district")).sendKeys("Overvecht");
        driver.findElement(By.id("offer-rooms")).sendKeys("4");
        submitAndWait(By.cssSelector("#offer button[type=submit]"));

        assertThat(driver.findElement(By.cssSelector("main [role=status]")).getText())
                .isEqualTo("Het woningaanbod is vastgelegd.");
        assertThat(fact("Woning")).isEqualTo("Overvecht, 4 kamers");

        submitAndWait(By.cssSelector("#moveIn button[type=submit]"));

        assertThat(driver.findElement(By.cssSelector("main [role=status]")).getText())
                .isEqualTo("De verhuizing is vastgelegd.");
        assertThat(driver.findElement(By.cssSelector("#clock-heading + dl .badge")).getText()).isEqualTo("Gehuisvest");
        assertThat(texts(By.cssSelector("[aria-labelledby=timeline-heading] tbody th")))
                .containsExactly("Vergunning verleend, geregistreerd", "Gekoppeld", "Woning aangeboden", "Verhuisd naar woning");
        driver.get(url("/progress/municipalities/GM0344"));
        assertThat(housedThisHalfYear()).isEqualTo(housedBefore + 3);
    }

    private long housedThisHalfYear() {
        return Long.parseLong(driver.findElement(By.xpath(
                "//dl[@class='figures']//dt[.='Gehuisvest']/following-sibling::dd[1]")).getText().replace(".", ""));
    }

    private void submitAndWait(By button) {
        var page = driver.findElement(By.tagName("html"));
        driver.findElement(button).click();
        browser.waitUntil(ExpectedConditions.stalenessOf(page));
    }

    private <T> T asCoaPlanner(java.util.concurrent.Callable<T> work) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(TestUsers.signedIn(Role.COA_PLANNER));
        try {
            return work.call();
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** A household in reception in Amersfoort (linking region COA-3, as Utrecht), of {@code persons} people. */
    private static HouseholdForm household(String reference, LocalDate permit, int persons) {
        var members = new ArrayList<Member>();
        members.add(new Member(Member.AgeBand.A30_44, Member.Sex.F, Member.Role.HEAD));
        while (members.size() < persons) {
            members.add(new Member(Member.AgeBand.A5_11, Member.Sex.M, Member.Role.CHILD));
        }
        return new HouseholdForm(reference, "azc Journey", MunicipalityCode.of("GM0307"), permit,
                new Profile("Dari", Profile.Education.PRIMARY, Profile.WorkExperience.NONE, Profile.Limitation.NONE),
                members, List.of());
    }

    /** One row per municipality, each with a population of 1000 + its position. */
    private static List<String> populationRows(List<Municipality> municipalities) {
        var rows = new ArrayList<String>();
        for (int i = 0; i < municipalities.size(); i++) {
            var m = municipalities.get(i);
            rows.add(m.code().value() + ";" + m.name() + ";" + (1000 + i));
        }
        return rows;
    }

    private Path csv(String name, List<String> rows) throws IOException {
        var lines = new ArrayList<String>();
        lines.add("code;naam;bevolking");
        lines.addAll(rows);
        return Files.write(files.resolve(name), lines, StandardCharsets.UTF_8);
    }

    private void upload(Path file, String label) {
        driver.get(url("/population-versions/import"));
        driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("label")).sendKeys(label);
        var page = driver.findElement(By.tagName("html"));
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        browser.waitUntil(ExpectedConditions.stalenessOf(page));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    private String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** The value next to a term in the facts list of a detail page. */
    private String fact(String term) {
        return driver.findElement(By.xpath("//dl[@class='facts']/dt[.='" + term + "']/following-sibling::dd[1]"))
                .getText();
    }

    private List<String> texts(By locator) {
        return texts(driver.findElement(By.tagName("body")), locator);
    }

    private static List<String> texts(WebElement within, By locator) {
        return within.findElements(locator).stream().map(WebElement::getText).toList();
    }
}
