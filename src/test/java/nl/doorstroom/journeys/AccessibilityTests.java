package nl.doorstroom.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.extension.RegisterExtension;
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

    @LocalServerPort
    int port;

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
            "/quota/indicators" })
    void pageForAnAdministratorMeetsWcag21AA(String page) {
        browser.signedInAs(url(""), "admin");
        browser.driver().manage().deleteCookieNamed(LANGUAGE_COOKIE); // back to Dutch after ?lang=en

        var violations = violationsOn(page);

        assertThat(violations).as("axe violations on %s", page).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/login", "/login?error", "/login?logout&lang=en" })
    void loginPageMeetsWcag21AA(String page) {
        browser.startAfresh(url(""));

        var violations = violationsOn(page);

        assertThat(violations).as("axe violations on %s", page).isEmpty();
    }

    private List<String> violationsOn(String page) {
        var driver = browser.driver();
        driver.get(url(page));
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
