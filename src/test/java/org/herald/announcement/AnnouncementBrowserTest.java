package org.herald.announcement;

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
import org.herald.notice.DeliveryStatisticsSource;
import org.herald.rules.Obligations;
import org.herald.security.Role;
import org.herald.testing.Fakes;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A privacy officer proposes and publishes an announcement from the console, and the public reads
 * it in English and in Chinese, in a real headless Chromium. Screenshots land in target/screenshots.
 */
@QuarkusTest
class AnnouncementBrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/")
    URL base;

    private WebDriver browser;
    private WebDriverWait wait;
    private Path profile;
    private FakeObligations rules;

    @BeforeEach
    void start() throws IOException {
        rules = new FakeObligations();
        Fakes.install(rules, Obligations.class);
        Fakes.install(new FakeDeliveries(), DeliveryStatisticsSource.class);
        assertThat(CHROMIUM).as("headless Chromium (apt-get install chromium)").canRead();
        assertThat(CHROMEDRIVER).as("chromedriver (apt-get install chromium-driver)").canRead();
        profile = Files.createTempDirectory("herald-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1800", "--lang=en-US", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
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

    @Test
    void anOfficerPublishesAndThePublicReadsItInEnglishAndChinese() throws IOException {
        Breach b = Breach.recorded();
        rules.terms.put(b.incidentId(), List.of(Breach.californiaInsufficientContact()));
        TestUsers.ensure("browser.officer", EnumSet.of(Role.PRIVACY_OFFICER));

        browser.get(base + "console/login");
        type(By.id("j_username"), "browser.officer");
        type(By.id("j_password"), TestUsers.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Incidents")));

        // From the incident to its announcement page: the decision with its numbers.
        browser.get(base + "console/incidents/" + b.incidentId());
        wait.until(ExpectedConditions.elementToBeClickable(By.id("announcements-link"))).click();
        WebElement reason = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("decision-reason")));
        assertThat(reason.getText()).contains("A public announcement is allowed.")
                .contains("1 people cannot be reached one by one");
        screenshot("1-decision");

        wait.until(ExpectedConditions.elementToBeClickable(By.id("propose"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "Announcement proposed."));
        assertThat(browser.findElement(By.id("announcement-status")).getText()).isEqualTo("PROPOSED");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("publish"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "Announcement published."));
        assertThat(browser.findElement(By.id("announcement-status")).getText()).isEqualTo("PUBLISHED");
        assertThat(browser.findElement(By.id("media")).getText()).contains("statewide media");
        screenshot("2-published");

        // Early withdrawal is refused with the reason, on the page.
        type(By.id("withdraw-reason"), "changed our mind");
        browser.findElement(By.id("withdraw")).click();
        WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refused")));
        assertThat(refused.getText()).contains("Minimum posting time not over").contains("at least 30 days");

        // The public page, in English.
        browser.findElement(By.id("public-link")).click();
        WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice-title")));
        assertThat(title.getText()).startsWith("Notice of a data security incident INC-");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.id("basic-situation")).getText()).isEqualTo(Breach.BASIC_SITUATION);
        assertThat(browser.findElement(By.id("categories")).getText()).contains("Payment card numbers");
        assertThat(browser.getPageSource()).doesNotContain(b.name(1)).doesNotContain(b.email(1));
        screenshot("3-public-en");

        // Switch to Chinese with the language switcher.
        browser.findElement(By.cssSelector("nav.languages a[hreflang='zh-CN']")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "zh-CN"));
        assertThat(browser.findElement(By.id("notice-title")).getText()).startsWith("数据安全事件公告");
        assertThat(browser.findElement(By.id("basic-situation")).getText()).isEqualTo(Breach.ZH_BASIC_SITUATION);
        assertThat(browser.findElement(By.id("categories")).getText()).contains("银行卡号");
        // Chinese text is laid out with real glyphs: a line of it is wider than nothing and wraps within the page.
        Object width = ((JavascriptExecutor) browser).executeScript(
                "return document.getElementById('basic-situation').getBoundingClientRect().width;");
        assertThat(((Number) width).doubleValue()).isGreaterThan(50);
        screenshot("4-public-zh-CN");

        // At 200 % zoom (half the width) the page reflows instead of scrolling sideways.
        browser.manage().window().setSize(new Dimension(640, 1600));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice-title")));
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        screenshot("5-public-zh-CN-narrow");

        // "Was I affected?" answers in the page's language, the same for anyone.
        WebElement contact = browser.findElement(By.id("contact"));
        contact.sendKeys("someone-" + System.nanoTime() + "@example.org");
        browser.findElement(By.cssSelector(".lookup button[type=submit]")).click();
        WebElement answer = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lookup-answer")));
        assertThat(answer.getText()).contains("我们已向其发送了一条包含一次性链接的消息");
        screenshot("6-lookup-answer-zh-CN");
    }

    private void type(By field, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(field));
        input.sendKeys(text);
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve("announcement-browser-" + name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
