package dev.logredact.collector.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Debian's Chromium, headless, driven through its own chromedriver with Selenium WebDriver. Both are
 * named by path, so Selenium Manager never looks for (or downloads) a browser or a driver. Without them
 * the browser tests are skipped, except on CI ({@code CI} set), where that is a failure: {@code .ci/run}
 * installs them.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Wide enough for the incidents table, tall enough for a screenshot of the whole overview. */
    private static final String WINDOW = "--window-size=1440,1800";
    /**
     * The tests speak WebDriver only, so Selenium's warning that it has no DevTools (CDP) classes for this
     * Chromium's version is noise. Held here: the logging framework keeps its loggers weakly.
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    }

    public final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A new browser with a fresh profile in {@code profile}. */
    public static Browser start(Path profile) {
        requireInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // What this machine needs: no sandbox as root, no GPU, and no traffic of the browser's own.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), WINDOW);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return new Browser(driver);
    }

    private static void requireInstalled() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String why = CHROMIUM + " or " + CHROMEDRIVER + " is missing: apt-get install chromium chromium-driver";
        if (System.getenv("CI") != null) {
            Assertions.fail(why + "; on CI .ci/run installs them");
        }
        Assumptions.abort(why);
    }

    /** The console messages since the last call: errors the page's script made, policy violations. */
    public List<LogEntry> consoleSinceLastCall() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    /** Saves what the window shows as a PNG. */
    public Path screenshot(Path file) {
        return screenshot(driver, file);
    }

    /** Saves what {@code shown} (the window, or one element of the page) shows as a PNG. */
    public static Path screenshot(TakesScreenshot shown, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, shown.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
