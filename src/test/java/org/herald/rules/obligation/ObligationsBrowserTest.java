package org.herald.rules.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.herald.security.Role;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A privacy officer in Tokyo, in a real headless Chromium: from the incident page to its
 * obligations, runs the assessment, and reads the due times in Tokyo time next to UTC with live
 * countdowns, overdue rows in red.
 */
@QuarkusTest
class ObligationsBrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @TestHTTPResource("/")
    URL base;

    private WebDriver browser;
    private WebDriverWait wait;
    private Path profile;

    @BeforeEach
    void startChromium() throws IOException {
        assertThat(CHROMIUM).as("headless Chromium (apt-get install chromium)").canRead();
        assertThat(CHROMEDRIVER).as("chromedriver (apt-get install chromium-driver)").canRead();
        profile = Files.createTempDirectory("herald-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1600", "--user-data-dir=" + profile.toAbsolutePath());
        // The viewer's zone is the browser's: this one lives in Tokyo.
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .withEnvironment(Map.of("TZ", "Asia/Tokyo")).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void anOfficerAssessesAndReadsDueTimesInHerZoneAndUtc() {
        TestUsers.ensure("browser.officer", EnumSet.of(Role.PRIVACY_OFFICER));
        UUID incident = Affected.anIncident("Browser obligations");
        Affected.residents(incident, "DE", null, 4);

        browser.get(base + "console/login");
        browser.findElement(By.id("j_username")).sendKeys("browser.officer");
        browser.findElement(By.id("j_password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Incidents")));
        browser.get(base + "console/incidents/" + incident);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("obligations-link"))).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-obligations")));
        new Select(browser.findElement(By.id("riskLevel"))).selectByValue("high");
        browser.findElement(By.id("assess")).click();

        WebElement flash = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash")));
        assertThat(flash.getText()).contains("Assessment #1: 2 created");
        assertThat(browser.findElement(By.id("viewer-zone")).getText()).isEqualTo("Asia/Tokyo");

        WebElement first = browser.findElements(By.cssSelector("#obligations tbody tr")).get(0);
        assertThat(first.getAttribute("data-kind")).isEqualTo("AUTHORITY_NOTICE");
        assertThat(first.getAttribute("class")).contains("overdue");
        // 72 hours after awareness: 5 March 10:30 UTC is 19:30 in Tokyo.
        assertThat(first.findElement(By.cssSelector(".utc")).getText()).isEqualTo("2026-03-05 10:30 UTC");
        assertThat(first.findElement(By.cssSelector(".local")).getText()).contains("19:30");
        assertThat(first.findElement(By.cssSelector(".countdown")).getText()).startsWith("overdue by ");
        assertThat(first.findElement(By.cssSelector("td.due")).getCssValue("background-color"))
                .as("overdue rows are red").isEqualTo("rgba(251, 234, 234, 1)");
    }
}
