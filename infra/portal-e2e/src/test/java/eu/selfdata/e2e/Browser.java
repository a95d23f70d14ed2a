package eu.selfdata.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver, with a download folder, screenshots under
 * target/screenshots and axe-core (from its WebJar) injected on demand.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    private final ChromeDriver driver;
    private final Path downloads;

    Browser(String language) {
        try {
            downloads = Files.createTempDirectory("portal-downloads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,1024",
                "--lang=" + language);
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "intl.accept_languages",
                        language,
                        "download.default_directory",
                        downloads.toAbsolutePath().toString(),
                        "download.prompt_for_download",
                        false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build();
        driver = new ChromeDriver(service, options);
    }

    WebDriver driver() {
        return driver;
    }

    /** The first file with that suffix the browser downloaded, waited for up to 30 s. */
    Path awaitDownload(String suffix) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try (Stream<Path> files = Files.list(downloads)) {
                Optional<Path> done =
                        files.filter(file -> file.toString().endsWith(suffix)).findFirst();
                if (done.isPresent()) {
                    return done.get();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No " + suffix + " downloaded into " + downloads);
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(15))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        } catch (TimeoutException e) {
            screenshot("missing-" + css.replaceAll("[^a-zA-Z0-9-]", "_"));
            throw new AssertionError("No " + css + " on " + driver.getCurrentUrl() + ":\n" + text(), e);
        }
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Signs in on the city's host through the gateway and Keycloak's login form. */
    void signIn(String cityUrl, String login, String password) {
        open(cityUrl + "login");
        submitCredentials(login, password);
        find("#user-name");
    }

    /**
     * A city admin's first sign-in with the launcher's temporary password: Keycloak then asks for a
     * new password and for the names the onboarding did not know.
     */
    void signInFirstTime(String cityUrl, String login, String temporaryPassword, String firstName) {
        open(cityUrl + "login");
        submitCredentials(login, temporaryPassword);
        String chosen = "Admin-" + System.nanoTime() + "-pw";
        find("input[name=password-new]").sendKeys(chosen);
        find("input[name=password-confirm]").sendKeys(chosen + "\n");
        find("input[name=firstName]").sendKeys(firstName);
        find("input[name=lastName]").sendKeys("Admin\n");
        find("#user-name");
    }

    /** Signs out through the portal's button (the gateway ends the session, then Keycloak's). */
    void signOut(String cityUrl) {
        open(cityUrl);
        find("#sign-out button").click();
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> d.findElements(By.id("user-name")).isEmpty());
    }

    /** Keycloak's login form asks for the e-mail first, then the password. */
    void submitCredentials(String login, String password) {
        find("input[name=username]").sendKeys(login + "\n");
        find("input[name=password]").sendKeys(password + "\n");
    }

    /**
     * A same-origin JSON request from the current page, as the page's own script would send it (the
     * gateway session's cookie, the page's Origin): for the API steps a page of the consoles leaves out.
     */
    @SuppressWarnings("unchecked")
    Fetched fetch(String method, String path, String json) {
        Map<String, Object> answer = (Map<String, Object>) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const init = {method: arguments[0], headers: {'Accept': 'application/json, text/csv'}};"
                        + "if (arguments[2] !== null) { init.headers['Content-Type'] = 'application/json'; init.body = arguments[2]; }"
                        + "fetch(arguments[1], init).then(r => r.text().then(t => done({status: r.status, body: t})),"
                        + " e => done({status: -1, body: String(e)}));",
                method,
                path,
                json);
        return new Fetched(((Number) answer.get("status")).intValue(), (String) answer.get("body"));
    }

    record Fetched(int status, String body) {}

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core's violations of impact serious or critical on the current page, as "rule: target" lines. */
    @SuppressWarnings("unchecked")
    List<String> seriousAccessibilityViolations() {
        JavascriptExecutor js = driver;
        js.executeScript(axeSource());
        Map<String, Object> results = (Map<String, Object>)
                js.executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r), e => done({error: String(e)}));");
        if (results.containsKey("error")) {
            throw new IllegalStateException("axe failed: " + results.get("error"));
        }
        return ((List<Map<String, Object>>) results.get("violations"))
                .stream()
                        .filter(v -> List.of("serious", "critical").contains(v.get("impact")))
                        .flatMap(v -> ((List<Map<String, Object>>) v.get("nodes"))
                                .stream()
                                        .map(node -> v.get("id") + ": " + node.get("target") + " "
                                                + node.get("failureSummary")))
                        .toList();
    }

    private static String axeSource() {
        try (InputStream in = Objects.requireNonNull(Browser.class.getResourceAsStream(AXE), AXE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
