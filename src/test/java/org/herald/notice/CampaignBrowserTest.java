package org.herald.notice;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.herald.rules.Obligations;
import org.herald.security.Role;
import org.herald.testing.Fakes;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A campaign in a real headless Chromium: an analyst plans it and previews the wording, a privacy
 * officer approves and starts it, and the live progress bar reaches 100 %.
 */
@QuarkusTest
@TestProfile(NoticeProfile.class)
class CampaignBrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/")
    URL base;

    private final FakeObligations obligations = new FakeObligations();
    private WebDriver browser;
    private WebDriverWait wait;
    private Path profile;

    @BeforeEach
    void start() throws IOException {
        Fakes.install(obligations, Obligations.class);
        assertThat(CHROMIUM).as("headless Chromium (apt-get install chromium)").canRead();
        assertThat(CHROMEDRIVER).as("chromedriver (apt-get install chromium-driver)").canRead();
        profile = Files.createTempDirectory("herald-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1600", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void signIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get(base + "console/login");
        browser.findElement(By.id("j_username")).sendKeys(user);
        browser.findElement(By.id("j_password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Incidents")));
    }

    @Test
    void plannedByOneApprovedAndStartedByAnotherTheProgressBarReachesAHundred() throws IOException {
        TestUsers.ensure("browser.planner", EnumSet.of(Role.ANALYST));
        TestUsers.ensure("browser.approver", EnumSet.of(Role.PRIVACY_OFFICER));
        NoticeWorld w = new NoticeWorld();
        for (int i = 1; i <= 5; i++) {
            w.subject("B" + i, w.email("browser" + i), "", "EMAIL");
        }
        w.affected();
        obligations.set(w.incident, List.of(NoticeWorld.terms("US-CA/CIV-1798.82", Set.of("US"), List.of("email"),
                Instant.now().plus(30, ChronoUnit.DAYS))));

        signIn("browser.planner");
        browser.get(base + "console/incidents/" + w.incident);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("campaigns-link"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("plan"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "PLANNED"));
        assertThat(browser.findElements(By.id("approve"))).as("the planner cannot approve").isEmpty();
        assertThat(browser.findElement(By.id("forecast-summary")).getText()).contains("at the configured provider rates");
        String campaignPage = browser.getCurrentUrl();
        screenshot("campaign-1-planned");

        browser.findElement(By.id("preview-email")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-text")));
        assertThat(browser.findElement(By.id("preview-title")).getText()).startsWith("Notice of a data security incident");
        assertThat(browser.findElement(By.id("preview-text")).getText()).contains("A test system exposed records (en).");
        assertThat(browser.findElement(By.id("preview-text")).getText()).as("no subject address in a preview")
                .doesNotContain(w.email("browser1"));

        signIn("browser.approver");
        browser.get(campaignPage);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("approve"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "APPROVED"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("start"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("percent"), "100"));
        wait.until(ExpectedConditions.textToBe(By.id("status"), "COMPLETED"));
        assertThat(browser.findElement(By.id("progress-overall")).getAttribute("value")).isEqualTo("100");
        assertThat(browser.findElement(By.cssSelector("#progress-rows tr[data-channel=email] td:nth-of-type(3)")).getText())
                .isEqualTo("5");
        screenshot("campaign-2-completed");
        for (int i = 1; i <= 5; i++) {
            assertThat(NoticeProviders.receivedBy(w.email("browser" + i))).hasSize(1);
        }
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
