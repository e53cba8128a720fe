package nl.doorstroom.journeys;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the Debian packages, one per test class: register it with
 * {@code @RegisterExtension static final Browser browser = new Browser();}. Both paths are given to
 * Selenium, so Selenium Manager never runs and nothing is downloaded. Without Chromium the tests are
 * skipped, not failed, except on CI ({@code CI=true}), where they fail.
 */
final class Browser implements BeforeAllCallback, TestInstancePreConstructCallback, AfterAllCallback {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String DEMO_PASSWORD = "doorstroom-demo";

    private WebDriver driver;
    private Path profile;
    private String signedInAs;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (!installed()) {
            return;
        }
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("doorstroom-chromium-");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1000", "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    /** Skips each test, before its Spring context is started, when Chromium is missing. */
    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factory, ExtensionContext context) {
        if ("true".equals(System.getenv("CI")) && !installed()) {
            // On CI a missing browser is a broken set-up, not a reason to pass without checking pages.
            throw new IllegalStateException("CI=true but Chromium or chromedriver is not installed; see .ci/run");
        }
        assumeTrue(installed(), "Chromium not installed: browser tests skipped (apt-get install chromium chromium-driver)");
    }

    private static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Forgets the session and the language choice: the next page is seen as by a new visitor. */
    void startAfresh(String baseUrl) {
        driver.get(baseUrl + "/login");
        driver.manage().deleteAllCookies();
        driver.get("about:blank");
        signedInAs = null;
    }

    /** Signs in with a demo account through the login form. */
    void logInAs(String baseUrl, String username) {
        driver.get(baseUrl + "/login");
        logInAs(username);
    }

    /** Signs in with a demo account, unless this browser already is. */
    void signedInAs(String baseUrl, String username) {
        if (!username.equals(signedInAs)) {
            startAfresh(baseUrl);
            logInAs(baseUrl, username);
        }
    }

    /** Signs in with a demo account through the login form on screen. */
    void logInAs(String username) {
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitUntil(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        signedInAs = username;
    }

    /**
     * The element's page has been replaced. Chromium may answer a question about a node of the old document with
     * "Node with given id does not belong to the document" instead of a stale element: both mean the page is gone.
     */
    static org.openqa.selenium.support.ui.ExpectedCondition<Boolean> gone(org.openqa.selenium.WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            }
            catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            }
            catch (org.openqa.selenium.WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    <T> T waitUntil(Function<? super WebDriver, T> condition) {
        return waitUntil(Duration.ofSeconds(10), condition);
    }

    /** For what takes longer than a page load: a linking run's computing time, on a busy machine. */
    <T> T waitUntil(Duration timeout, Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).until(condition);
    }
}
