package org.herald.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.herald.security.Role;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The analyst's first minutes of a breach, in a real headless Chromium: sign in, record an
 * incident (getting a time wrong first), move it to assessment and find it in the list.
 * Needs Debian's {@code chromium} and {@code chromium-driver}; fails when they are missing.
 */
@QuarkusTest
class IncidentBrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

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
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
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
    void anAnalystRecordsAnIncidentFixesAWrongTimeAndStartsTheAssessment() throws IOException {
        TestUsers.ensure("browser.analyst", EnumSet.of(Role.ANALYST));
        String title = Incidents.uniqueTitle("Backup bucket left public");

        // Sign in.
        browser.get(base + "console/login");
        type(By.id("j_username"), "browser.analyst");
        type(By.id("j_password"), TestUsers.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Incidents"))).click();

        // Record it, with awareness before detection.
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Record an incident"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("title")));
        type(By.id("title"), title);
        type(By.id("occurredFrom"), "2025-03");
        type(By.id("detectedAt"), "2025-03-21 08:00");
        type(By.id("awareAt"), "2025-03-20 08:00");
        browser.findElement(By.cssSelector("#incident-form button[type=submit]")).click();

        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("awareAt-error")));
        assertThat(error.getText()).contains("must not be before detectedAt");
        assertThat(browser.findElement(By.id("awareAt")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("awareAt")).getAttribute("aria-describedby")).contains("awareAt-error");
        assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo(title);
        assertThat(browser.findElement(By.id("detectedAt")).getAttribute("value")).isEqualTo("2025-03-21 08:00");
        screenshot("1-inline-error");

        // Fix the time and add what an assessment needs.
        WebElement aware = browser.findElement(By.id("awareAt"));
        aware.clear();
        aware.sendKeys("2025-03-21 10:30");
        type(By.id("systems"), "object-storage");
        browser.findElement(By.id("dataCategories-CONTACT")).click();
        browser.findElement(By.id("dataCategories-IDENTITY")).click();
        new Select(browser.findElement(By.id("encryption"))).selectByValue("UNENCRYPTED");
        browser.findElement(By.cssSelector("#incident-form button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "Incident recorded."));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("DRAFT");
        String detailPage = browser.getCurrentUrl();

        // Start the assessment.
        wait.until(ExpectedConditions.elementToBeClickable(By.id("move-ASSESSING"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "ASSESSING"));
        screenshot("2-assessing");

        // Find it in the list.
        browser.findElement(By.linkText("Incidents")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filter-q")));
        type(By.id("filter-q"), title);
        new Select(browser.findElement(By.id("filter-status"))).selectByValue("ASSESSING");
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//table[@id='incidents']//tr[td[normalize-space()='" + title + "']]")));
        assertThat(row.getText()).contains("ASSESSING");
        screenshot("3-listed-as-assessing");

        // At 200 % zoom (half the width in CSS pixels) the pages reflow instead of scrolling sideways.
        browser.manage().window().setSize(new Dimension(640, 1400));
        for (String page : List.of(detailPage, base + "console/incidents/new", base + "console/incidents")) {
            browser.get(page);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).as("sideways overflow on " + page).isLessThanOrEqualTo(0);
        }
        screenshot("4-list-at-narrow-width");

        // The language sections open from the keyboard.
        browser.get(base + "console/incidents/new");
        WebElement another = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#locale-new > summary")));
        assertThat(browser.findElement(By.id("locale-new")).getAttribute("open")).isNull();
        another.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.attributeToBeNotEmpty(browser.findElement(By.id("locale-new")), "open"));
        assertThat(browser.findElement(By.id("newContent.locale")).isDisplayed()).isTrue();
    }

    private void type(By field, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(field));
        input.sendKeys(text);
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve("incident-browser-" + name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
