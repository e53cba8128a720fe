package nl.doorstroom.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.openqa.selenium.support.ui.Select;
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
    static final MunicipalityCode AMERSFOORT = MunicipalityCode.of("GM0307");

    @Autowired
    MunicipalityRegistry registry;

    @Autowired
    HouseholdRegister register;

    @Autowired
    Journeys journeys;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

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
        browser.waitUntil(Browser.gone(page));

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

    @Test
    void plannerRunsTheOptimiserReviewsAcceptsAndTheLinksAppearInTheRegister() throws Exception {
        var permit = OldestPermits.next();
        var prefix = "JOURNEY" + System.nanoTime() % 1_000_000_000L;
        var ids = new ArrayList<Long>();
        for (int i = 0; i < 3; i++) {
            var form = household(prefix + "-RUN" + i, permit.plusDays(i), 1 + i);
            ids.add(asCoaPlanner(() -> register.register(form)));
        }
        var region = registry.find(AMERSFOORT).map(Municipality::coaRegion).orElseThrow();
        browser.logInAs(url(""), "coa");
        driver.get(url("/"));

        driver.findElement(By.linkText("Koppelvoorstellen")).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Koppelvoorstellen"));
        var regions = new Select(driver.findElement(By.id("region")));
        regions.selectByValue(region);
        var regionName = regions.getFirstSelectedOption().getText();
        retype(By.id("householdLimit"), "3");
        retype(By.id("seconds"), "2");
        submitAndWait(By.cssSelector("#new-run button[type=submit]"));

        assertThat(path()).matches("/linking/runs/\\d+");
        long run = Long.parseLong(path().substring(path().lastIndexOf('/') + 1));
        assertThat(heading()).isEqualTo("Run " + run);
        assertThat(fact("Gebied")).isEqualTo(regionName);
        // The progress panel asks every second; when the run has ended, the page reloads itself with the proposals.
        browser.waitUntil(Duration.ofSeconds(60), ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.proposals")));
        assertThat(driver.findElement(By.cssSelector("#progress [role=status]")).getText()).startsWith("klaar");
        var rows = proposalRows();
        assertThat(rows.keySet()).containsExactly(prefix + "-RUN0", prefix + "-RUN1", prefix + "-RUN2");
        assertThat(driver.findElements(By.cssSelector("table.proposals input[type=checkbox][name=household]")))
                .as("a checkbox for each proposal with a municipality").hasSizeGreaterThanOrEqualTo(2)
                .extracting(box -> Long.valueOf(box.getDomAttribute("value"))).isSubsetOf(ids);
        var linked = rows.values().stream().filter(r -> r.municipality() != null).toList();
        assertThat(linked).as("the demo leaves room in the region for at least two").hasSizeGreaterThanOrEqualTo(2);

        var explained = linked.get(0);
        driver.findElement(By.linkText(explained.reference())).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Voorstel voor " + explained.reference()));
        var chosen = driver.findElement(By.cssSelector("[aria-labelledby=options-heading] tbody tr.chosen"));
        assertThat(chosen.findElement(By.tagName("th")).getText()).contains(explained.municipality());
        var cells = texts(chosen, By.tagName("td"));
        assertThat(cells).hasSize(8).last().asString().contains("voorgesteld");
        int parts = cells.subList(0, 6).stream().mapToInt(Integer::parseInt).sum();
        assertThat(parts).as("the parts add up to the score").isEqualTo(Integer.parseInt(cells.get(6)))
                .isEqualTo(explained.score());
        driver.findElement(By.linkText("Terug naar run " + run)).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Run " + run));

        // Accepting with nothing chosen yet says what to do first.
        submitAndWait(By.xpath("//form[@id='decisions']//button[.='Gekozen voorstellen aannemen']"));
        assertThat(driver.findElement(By.cssSelector("#problems li")).getText())
                .isEqualTo("Voorstel: Kies eerst een of meer voorstellen.");
        var first = linked.get(0);
        var second = linked.get(1);
        driver.findElement(By.id("h-" + first.householdId())).click();
        driver.findElement(By.id("h-" + second.householdId())).sendKeys(Keys.SPACE); // the keyboard works as well
        assertThat(driver.findElement(By.id("h-" + second.householdId())).isSelected()).isTrue();
        submitAndWait(By.xpath("//form[@id='decisions']//button[.='Gekozen voorstellen aannemen']"));

        assertThat(driver.findElement(By.cssSelector("main [role=status].message")).getText()).isEqualTo(
                "2 voorstellen aangenomen en gekoppeld, 0 overgeslagen (al besloten of zonder voorstel), 0 niet gelukt.");
        var decided = proposalRows();
        assertThat(decided.get(first.reference()).decision()).isEqualTo("aangenomen");
        assertThat(decided.get(second.reference()).decision()).isEqualTo("aangenomen");
        assertThat(driver.findElements(By.id("h-" + first.householdId()))).as("no checkbox once decided").isEmpty();
        assertThat(decided.values()).filteredOn(r -> r.householdId() != first.householdId()
                && r.householdId() != second.householdId()).extracting(ProposalRow::decision).containsOnly("open");

        driver.get(url("/households/" + first.householdId()));
        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Huishouden " + first.reference()));
        assertThat(fact("Gekoppeld aan")).isEqualTo(first.municipality());
        assertThat(driver.findElement(By.cssSelector("#clock-heading + dl .badge")).getText()).isEqualTo("Gekoppeld");
    }

    /** A row of the proposals table as the planner reads it; {@code municipality} is null for a household left unlinked. */
    @Test
    void coordinatorCallsTheFirstOnTheCallListRecordsACommitmentMarksItKeptAndTheWeeklyFigureRises() throws Exception {
        var today = LocalDate.now(AuditTrail.ZONE);
        browser.logInAs(url(""), "coordinator");
        driver.get(url("/coordination/weekly"));
        long before = Long.parseLong(figure("Deze week"));

        driver.findElement(By.linkText("Coördinatie")).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Bellijst"));
        var first = driver.findElement(By.cssSelector("table.call-list tbody tr"));
        var name = first.findElement(By.cssSelector("th a")).getText();
        assertThat(texts(first, By.cssSelector("ul.reasons li"))).isNotEmpty();
        first.findElement(By.linkText("Gesprek vastleggen")).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Contact vastleggen"));
        assertThat(new Select(driver.findElement(By.id("municipality"))).getFirstSelectedOption().getText()).isEqualTo(name);
        driver.findElement(By.id("counterpart")).sendKeys("wethouder wonen");
        driver.findElement(By.id("outcome")).sendKeys("Twaalf plaatsen in een hotel binnen een week");
        retype(By.id("c0-places"), "12");
        new Select(driver.findElement(By.id("c0-kind"))).selectByVisibleText("HAR (hotel of vakantiewoning)");
        setDate(By.id("c0-expectedOn"), today.plusDays(7));
        submitAndWait(By.cssSelector("main form.form button[type=submit]"));

        assertThat(driver.findElement(By.cssSelector("main [role=status]")).getText()).isEqualTo("Het contact is vastgelegd.");
        assertThat(driver.findElement(By.cssSelector(".commitment h3")).getText()).contains("12 plaatsen in " + name, "loopt");
        var code = registry.all().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow().code();
        // The municipality places a household of three under the HAR: the register's evidence beside the commitment.
        asCoaPlanner(() -> {
            long id = register.register(new HouseholdForm("JOURNEY" + System.nanoTime() % 1_000_000_000L + "-HAR", "azc Journey",
                    code, today.minusDays(60), new Profile("", Profile.Education.UNKNOWN, Profile.WorkExperience.UNKNOWN,
                            Profile.Limitation.NONE), List.of(new Member(Member.AgeBand.A30_44, Member.Sex.F, Member.Role.HEAD),
                            new Member(Member.AgeBand.A5_11, Member.Sex.M, Member.Role.CHILD),
                            new Member(Member.AgeBand.A0_4, Member.Sex.F, Member.Role.CHILD)), List.of()));
            journeys.link(id, 0, code, today.minusDays(10));
            journeys.placeUnderHar(id, 1, today, "Hotel Journey");
            return null;
        });
        driver.navigate().refresh();
        assertThat(driver.findElement(By.cssSelector(".commitment p.hint")).getText()).matches(".*: [1-9]\\d* personen onder de HAR.*");

        new Select(driver.findElement(By.cssSelector(".commitment select[name=status]"))).selectByVisibleText("nagekomen");
        submitAndWait(By.cssSelector(".commitment button[type=submit]"));

        assertThat(driver.findElement(By.cssSelector("main [role=status]")).getText()).contains("is vastgelegd");
        assertThat(driver.findElement(By.cssSelector(".commitment h3 .badge")).getText()).isEqualTo("nagekomen");
        driver.findElement(By.linkText("Weekdoel")).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Weekdoel extra plaatsen"));
        assertThat(Long.parseLong(figure("Deze week"))).isEqualTo(before + 12);
        assertThat(driver.findElements(By.cssSelector("#kind-chart canvas"))).isNotEmpty();
    }

    /**
     * The coordination centre makes the weekly report from the governance home page: it is made in the background,
     * the job page shows the progress until it is done, then the PDF downloads and the report's figures show.
     */
    @Test
    void theTableMakesTheWeeklyReportAndDownloadsIt() throws Exception {
        var today = LocalDate.now(AuditTrail.ZONE);
        browser.logInAs(url(""), "coordinator");
        driver.get(url("/governance"));
        driver.findElement(By.linkText("Weekrapportages")).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Weekrapportages"));
        setDate(By.id("referenceDate"), today);
        new Select(driver.findElement(By.id("language"))).selectByVisibleText("Nederlands");

        var page = driver.findElement(By.tagName("html"));
        driver.findElement(By.cssSelector("main form.form button[type=submit]")).click();
        browser.waitUntil(Browser.gone(page));

        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Weekrapportage wordt gemaakt"));
        assertThat(driver.findElement(By.cssSelector("main p[role=status]")).getText())
                .startsWith("De rapportage per " + today.format(java.time.format.DateTimeFormatter.ofPattern("d-M-yyyy"))
                        + " wordt gemaakt");
        assertThat(driver.findElements(By.cssSelector("#job-progress progress"))).isNotEmpty();
        // The page polls the job every two seconds; the first report after a start takes longest.
        browser.waitUntil(java.time.Duration.ofSeconds(90),
                ExpectedConditions.presenceOfElementLocated(By.linkText("Download de rapportage (PDF)")));
        assertThat(driver.findElement(By.id("job-progress")).getText()).contains("klaar");
        var pdf = driver.findElement(By.linkText("Download de rapportage (PDF)"));
        var download = (String) ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status + ' '"
                        + " + r.headers.get('content-type')));", pdf.getDomAttribute("href"));
        assertThat(download).isEqualTo("200 application/pdf");

        driver.findElement(By.linkText("Bekijk de rapportage")).click();
        var day = today.getDayOfMonth() + "-" + today.getMonthValue() + "-" + today.getYear();
        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Weekrapportage per " + day));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Gecorrigeerde taakstelling")
                .contains("Toezicht: zaken per stap").contains("Open actiepunten van de tafel");
        driver.findElement(By.linkText("Alle rapportages")).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Weekrapportages"));
        assertThat(driver.findElements(By.cssSelector("main table tbody tr"))).isNotEmpty();
    }

    /**
     * The province supervisor opens a case for a municipality the figures assess red, moves it to a written
     * warning (a jump, so only with a justification), writes the warning letter, and finds the case on the
     * overdue list once the warning's term has passed.
     */
    @Test
    void municipalityFallingBehindIsEscalated() throws Exception {
        var today = LocalDate.now(AuditTrail.ZONE);
        var used = java.util.Set.copyOf(jdbc.sql("SELECT municipality_code FROM escalation_case").query(String.class).list());
        browser.logInAs(url(""), "province-utrecht");
        driver.get(url("/"));
        driver.findElement(By.linkText("Toezicht")).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Toezicht in Utrecht"));
        driver.findElement(By.cssSelector("nav.subnav")).findElement(By.linkText("Beoordelingen")).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Beoordelingen op de peildatum"));

        var red = driver.findElements(By.cssSelector("main table.data tbody tr")).stream()
                .filter(r -> r.findElements(By.tagName("td")).get(3).getText().equals("rood"))
                .filter(r -> !used.contains(r.getDomAttribute("id").substring(2)))
                .findFirst().orElseThrow().findElement(By.cssSelector("th a"));
        var name = red.getText();
        red.click();
        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Toezicht op " + name));
        driver.findElement(By.id("reason")).sendKeys("Rood op de peildatum en geen plan van aanpak");
        driver.findElement(By.id("decisionMaker")).sendKeys("Gedeputeerde Staten van Utrecht");
        submitAndWait(By.cssSelector("[aria-labelledby=open-heading] button[type=submit]"));
        browser.waitUntil(ExpectedConditions.textMatches(By.tagName("h1"), java.util.regex.Pattern.compile("Zaak \\d+: " + name)));
        assertThat(driver.findElement(By.xpath("//dl[@class='facts']/dt[.='Huidige stap']/following-sibling::dd[1]"))
                .getText()).startsWith("Signaal");

        new Select(driver.findElement(By.id("move-stepKey"))).selectByVisibleText("Schriftelijke waarschuwing / vooraankondiging");
        driver.findElement(By.id("move-decisionMaker")).sendKeys("gedeputeerde Wonen");
        submitAndWait(By.cssSelector("#move button[type=submit]"));
        assertThat(driver.findElement(By.id("move-justification-error")).getText()).contains("leg uit waarom");
        driver.findElement(By.id("move-justification")).sendKeys("Twee gesprekken zonder resultaat");
        submitAndWait(By.cssSelector("#move button[type=submit]"));
        assertThat(driver.findElement(By.cssSelector("main [role=status]")).getText()).isEqualTo("Stap vastgelegd.");
        var caseUrl = driver.getCurrentUrl().replaceAll("#.*", "");

        assertThat(new Select(driver.findElement(By.id("documentKind"))).getFirstSelectedOption().getText())
                .isEqualTo("Schriftelijke waarschuwing");
        setDate(By.id("documentDeadline"), today.plusDays(28));
        submitAndWait(By.cssSelector("#documents form.form button[type=submit]"));
        assertThat(driver.findElement(By.cssSelector("main [role=status]")).getText()).startsWith("Document geschreven");
        var letter = driver.findElement(By.cssSelector("#documents table a"));
        assertThat(letter.getText()).contains(name);
        var download = (String) ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status + ' '"
                        + " + r.headers.get('content-type')));", letter.getDomAttribute("href"));
        assertThat(download).isEqualTo("200 application/pdf");

        driver.findElement(By.cssSelector("nav.subnav")).findElement(By.linkText("Over de termijn")).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Zaken over de termijn"));
        assertThat(driver.findElements(By.linkText(name))).as("not overdue while the term runs").isEmpty();
        var term = StepKindTerm.WARNING;
        setDate(By.id("date"), today.plusDays(term + 1));
        submitAndWait(By.cssSelector("main form button[type=submit]"));

        var row = driver.findElement(By.linkText(name)).findElement(By.xpath("ancestor::tr"));
        assertThat(row.findElements(By.tagName("td")).get(6).getText()).isEqualTo("1");
        row.findElement(By.cssSelector("td a")).click();
        browser.waitUntil(ExpectedConditions.urlToBe(caseUrl));
    }

    /**
     * An analyst compares the baseline with 500 extra places a week and reads the runway of each: the week in which
     * the median of occupancy first exceeds capacity comes later (or not within the horizon) with the extra places.
     */
    @Test
    void analystComparesBaselineAndFiveHundredExtraPlacesAndReadsTheRunwayOfEach() {
        browser.logInAs(url(""), "analyst");
        driver.get(url("/"));
        driver.findElement(By.linkText("Prognoses")).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Prognoses van de opvang"));
        for (var name : List.of("Basis (demo)", "+500 extra plaatsen per week (demo)")) {
            driver.findElement(By.xpath("//table//a[.='" + name + "']/ancestor::tr//input[@type='checkbox']")).click();
        }
        retype(By.id("runs"), "500");
        retype(By.id("seed"), "11");
        submitAndWait(By.cssSelector("#compare button[type=submit]"));
        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Scenario's vergeleken"));
        // The page reloads itself when every run has ended.
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(90))
                .until(ExpectedConditions.textToBe(By.cssSelector("main p[role=status]"), "Alle doorrekeningen zijn afgelopen."));

        var runway = new LinkedHashMap<String, String>();
        for (var row : driver.findElements(By.cssSelector("table.runways tbody tr"))) {
            runway.put(row.findElement(By.tagName("th")).getText(), row.findElements(By.tagName("td")).get(0).getText());
        }

        assertThat(runway).containsOnlyKeys("Basis (demo)", "+500 extra plaatsen per week (demo)");
        int baseline = weekOf(runway.get("Basis (demo)"));
        int extra = weekOf(runway.get("+500 extra plaatsen per week (demo)"));
        assertThat(extra).as("+500 a week: %s; baseline: %s", runway.get("+500 extra plaatsen per week (demo)"),
                runway.get("Basis (demo)")).isGreaterThanOrEqualTo(baseline);
        assertThat(driver.findElements(By.cssSelector("#occupancy-chart canvas"))).isNotEmpty();
    }

    @Autowired
    nl.doorstroom.housingmarket.HousingStocks housingStocks;

    @Autowired
    nl.doorstroom.progress.ProgressMonitor progressMonitor;

    @Test
    void allocationShareIsRaisedForAMunicipality() throws Exception {
        var today = LocalDate.now(AuditTrail.ZONE);
        // The municipality of the province of Utrecht furthest behind on its corrected quota, with figures reported
        // for this year and families linked to it and awaiting a home.
        var behind = progressMonitor.at(today).inProvince(nl.doorstroom.shared.ProvinceCode.of("PV26")).stream()
                .max(java.util.Comparator.comparingLong(m -> m.current().shortfall())).orElseThrow();
        var municipality = behind.code();
        SecurityContextHolder.getContext().setAuthentication(TestUsers.signedIn(Role.ADMINISTRATOR));
        try {
            long corporation = housingStocks.registerSyntheticCorporation("Journey " + System.nanoTime(), null);
            var vacancies = new java.util.EnumMap<nl.doorstroom.housingmarket.SizeBand, Integer>(
                    nl.doorstroom.housingmarket.SizeBand.class);
            vacancies.put(nl.doorstroom.housingmarket.SizeBand.SMALL, 260);
            vacancies.put(nl.doorstroom.housingmarket.SizeBand.MEDIUM, 260);
            vacancies.put(nl.doorstroom.housingmarket.SizeBand.LARGE, 26);
            vacancies.put(nl.doorstroom.housingmarket.SizeBand.EXTRA_LARGE, 1);
            housingStocks.change(corporation, municipality, today.getYear(), 0,
                    new nl.doorstroom.housingmarket.FiguresForm(vacancies, vacancies, 11, 4000, 60.0, null));
        }
        finally {
            SecurityContextHolder.clearContext();
        }
        var prefix = "ALLOC" + System.nanoTime() % 1_000_000_000L;
        asCoaPlanner(() -> {
            for (int i = 0; i < 12; i++) {
                long id = register.register(household(prefix + "-" + i, today.minusDays(40), 2 + i % 4));
                journeys.link(id, 0, municipality, today.minusDays(30));
            }
            return null;
        });

        browser.logInAs(url(""), "analyst");
        driver.get(url("/housing-market/simulations"));
        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Toewijzingspercentage: scenario's"));
        driver.findElement(By.id("name")).sendKeys("Journey " + behind.name());
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("area"))).selectByValue(municipality.value());
        driver.findElement(By.id("shares")).sendKeys("2, 40");
        driver.findElement(By.id("weeks")).sendKeys("13");
        submitAndWait(By.cssSelector("#scenario-form button[type=submit]"));

        assertThat(heading()).startsWith("Scenario Journey " + behind.name());
        assertThat(driver.findElement(By.cssSelector("main [role=status]")).getText())
                .isEqualTo("Het scenario is opgeslagen en doorgerekend.");
        double lowShortfall = summary("2%", "shortfall");
        double highShortfall = summary("40%", "shortfall");
        double lowExtraWait = summary("2%", "extraWait");
        double highExtraWait = summary("40%", "extraWait");
        assertThat(highShortfall).as("shortfall at 40%% against 2%%").isLessThan(lowShortfall);
        assertThat(highExtraWait).as("extra waiting time at 40%% against 2%%").isGreaterThan(lowExtraWait);
        assertThat(driver.findElement(By.id("needed-share")).getText()).isNotBlank();
        assertThat(driver.findElements(By.cssSelector("#tradeoff-chart canvas"))).isNotEmpty();
        assertThat(driver.findElement(By.linkText("Koppel aan actiepunt")).getDomAttribute("href"))
                .startsWith("/governance/action-items/new?link=ALLOCATION_SCENARIO:");
    }

    /** A figure of the simulation's summary table: the row of a share (as shown) and a measure, as a number. */
    private double summary(String share, String measure) {
        var row = driver.findElement(By.xpath("//table[@id='summary']//tr[th[starts-with(normalize-space(.), '" + share
                + "')]]"));
        var text = row.findElement(By.cssSelector("td[data-measure=" + measure + "]")).getText();
        return Double.parseDouble(text.replace(".", "").replace(',', '.'));
    }

    /**
     * The coordination centre records a meeting of the table with two action items through the pages, one owned by
     * itself and already past its due date, one by COA, and finds them on the work list: its own under "mine",
     * flagged as overdue in words, and both under "all". Later steps of the table's journey (the weekly report)
     * continue from the meeting this leaves open in the browser.
     */
    @Test
    void tableRecordsAMeetingWithTwoActionItems() {
        browser.logInAs(url(""), "coordinator");
        var today = LocalDate.now(AuditTrail.ZONE);
        var title = "Regietafel journey " + System.nanoTime();

        recordMeetingWithTwoActionItems(title, today);
        driver.findElement(By.linkText("Regietafel")).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Regietafel"));
        driver.findElement(By.linkText("Actiepunten")).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Actiepunten"));
        var mine = texts(driver.findElement(By.tagName("main")), By.cssSelector("table.data tbody tr"));
        new Select(driver.findElement(By.id("show"))).selectByValue("all");
        submitAndWait(By.cssSelector("form.filters button[type=submit]"));
        var all = texts(driver.findElement(By.tagName("main")), By.cssSelector("table.data tbody tr"));

        assertThat(mine).anyMatch(row -> row.contains("Belronde voorbereiden (journey)") && row.contains("Over de termijn: 1 dag"));
        assertThat(mine).noneMatch(row -> row.contains("Lijst van vergunninghouders (journey)"));
        assertThat(all).anyMatch(row -> row.contains("Lijst van vergunninghouders (journey)") && row.contains("COA")
                && !row.contains("Over de termijn"));
        assertThat(all).anyMatch(row -> row.contains("Belronde voorbereiden (journey)") && row.contains(title));
    }

    /** Records a meeting with two action items through the pages and leaves the browser on the meeting's page. */
    private void recordMeetingWithTwoActionItems(String title, LocalDate today) {
        driver.get(url("/"));
        driver.findElement(By.linkText("Regietafel")).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Regietafel"));
        driver.findElement(By.cssSelector("main a.button[href$='/governance/meetings/new']")).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Nieuw overleg"));
        setDate(By.id("heldOn"), today.minusDays(2));
        retype(By.id("title"), title);
        retype(By.id("agendaItems"), "Opening\nVoortgang taakstelling");
        retype(By.id("decisions"), "De belronde wordt uitgebreid");
        submitAndWait(By.cssSelector("main form.form button[type=submit]"));
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), title));
        assertThat(texts(driver.findElement(By.tagName("main")), By.cssSelector("ol li")))
                .contains("Opening", "Voortgang taakstelling", "De belronde wordt uitgebreid");

        addActionItem("Belronde voorbereiden (journey)", "Coördinatiecentrum", today.minusDays(1));
        addActionItem("Lijst van vergunninghouders (journey)", "COA", today.plusDays(7));
        var items = texts(driver.findElement(By.tagName("main")), By.cssSelector("table.data tbody tr"));
        assertThat(items).anyMatch(row -> row.contains("Belronde voorbereiden (journey)"))
                .anyMatch(row -> row.contains("Lijst van vergunninghouders (journey)"));
    }

    private void addActionItem(String what, String owner, LocalDate due) {
        retype(By.id("what"), what);
        retype(By.id("ownerOrganisation"), owner);
        setDate(By.id("dueOn"), due);
        submitAndWait(By.cssSelector("#add-item button[type=submit]"));
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.message.success")));
    }

    /** "week 27 (6-6-2027)" is 27; "niet binnen 104 weken" is beyond every week. */
    private static int weekOf(String runway) {
        var week = java.util.regex.Pattern.compile("^week (\\d+)").matcher(runway);
        return week.find() ? Integer.parseInt(week.group(1)) : Integer.MAX_VALUE;
    }

    /** The default term of the warning step, as the province of Utrecht (on the default ladder) has it. */
    private static final class StepKindTerm {
        static final int WARNING = nl.doorstroom.supervision.StepKind.WARNING.proposedTermDays();
    }

    /** A key figure on a page (dl.figures). */
    private String figure(String term) {
        return driver.findElement(By.xpath("//dl[@class='figures']//dt[.='" + term + "']/following-sibling::dd[1]")).getText();
    }

    /** A date field set as the browser's date picker would (typing depends on the browser's locale). */
    private void setDate(By field, LocalDate date) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]",
                driver.findElement(field), date.toString());
    }

    private record ProposalRow(long householdId, String reference, String municipality, Integer score, String decision) {
    }

    /** The rows of the proposals table by reference, in their order. */
    private Map<String, ProposalRow> proposalRows() {
        var rows = new LinkedHashMap<String, ProposalRow>();
        for (var row : driver.findElements(By.cssSelector("table.proposals tbody tr"))) {
            var cells = row.findElements(By.cssSelector("th, td"));
            var link = cells.get(1).findElement(By.tagName("a")).getDomAttribute("href");
            var names = cells.get(4).findElements(By.cssSelector("span > span:not(.code)"));
            var score = cells.get(5).getText();
            rows.put(cells.get(1).getText(), new ProposalRow(Long.parseLong(link.substring(link.lastIndexOf('/') + 1)),
                    cells.get(1).getText(), names.isEmpty() ? null : names.get(0).getText(),
                    score.equals("–") ? null : Integer.valueOf(score), cells.get(8).findElement(By.cssSelector(".badge")).getText()));
        }
        return rows;
    }

    /** Replaces what a text field holds, as a user does: select all, then type. */
    private void retype(By field, String text) {
        var input = driver.findElement(field);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }

    private long housedThisHalfYear() {
        return Long.parseLong(driver.findElement(By.xpath(
                "//dl[@class='figures']//dt[.='Gehuisvest']/following-sibling::dd[1]")).getText().replace(".", ""));
    }

    private void submitAndWait(By button) {
        var page = driver.findElement(By.tagName("html"));
        driver.findElement(button).click();
        browser.waitUntil(Browser.gone(page));
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
        browser.waitUntil(Browser.gone(page));
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
