package vn.bantin.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and its driver. Missing, the browser tests are skipped with the reason, unless
 * {@code BANTIN_REQUIRE_BROWSER=1} (CI sets it), where a missing browser fails them.
 */
final class Browser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    static ChromeDriver open(int width, int height) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        String reason = "no headless browser: install Debian's chromium and chromium-driver (apt-get install -y chromium"
                + " chromium-driver) to run the console's browser tests";
        if (!present && "1".equals(System.getenv("BANTIN_REQUIRE_BROWSER"))) {
            throw new IllegalStateException(reason + " (BANTIN_REQUIRE_BROWSER=1)");
        }
        Assumptions.assumeTrue(present, reason);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--lang=vi", "--hide-scrollbars");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }
}
