package org.redgovernance.endtoend;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A real, headless Chromium: Debian's {@code chromium} driven through its own {@code chromedriver}
 * (the same version, so nothing is downloaded at run time — browser downloads from other hosts do
 * not reach this kind of machine, which is also why not Playwright, whose browsers come from its
 * CDN). {@code install-chromium} installs both when they are missing.
 */
final class Browser {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Browser() {}

  static ChromeDriver start() {
    install();
    ChromeOptions options = new ChromeOptions();
    // the page's console, for failure reports
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    options.setBinary(CHROMIUM.toString());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,800",
        "--lang=zh-CN");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return driver;
  }

  private static boolean installed;

  /**
   * Runs {@code install-chromium} once per test run: it installs what is missing (the browser, its
   * driver, a Chinese font for the screenshots) and returns at once when nothing is.
   */
  private static synchronized void install() {
    if (installed) {
      return;
    }
    try {
      Process process = new ProcessBuilder("bash", "install-chromium").inheritIO().start();
      if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException(
            "install-chromium failed: the browser test needs Debian's chromium,"
                + " chromium-driver and fonts-wqy-microhei (apt-get as root or with sudo)");
      }
      installed = true;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run install-chromium", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What the page showed and logged: for a failure's message. */
  static String report(ChromeDriver driver) {
    StringBuilder report = new StringBuilder("at ").append(driver.getCurrentUrl()).append('\n');
    driver.manage().logs().get(LogType.BROWSER).forEach(entry -> report.append(entry).append('\n'));
    String body = driver.findElement(org.openqa.selenium.By.tagName("body")).getText();
    return report.append("page text:\n").append(body).toString();
  }
}
