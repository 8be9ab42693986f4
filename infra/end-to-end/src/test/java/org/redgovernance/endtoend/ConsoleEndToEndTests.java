package org.redgovernance.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redgovernance.keycloak.RealmDefinition;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.TestStack;
import tools.jackson.databind.JsonNode;

/**
 * The street office console in a real Chromium, served by tenant-admin, against platform-api and
 * Keycloak, both services in production's allow-list mode (they run the console's registered
 * documents and nothing else): a street admin logs in with PKCE and sees the street's communities
 * ranked in a chart per metric, with the same numbers as the API; another street's admin sees only
 * their street; a community's admin sees no dashboard; the page talks to no host but the platform's
 * and the realm's.
 */
class ConsoleEndToEndTests {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private static Platform platform;
  private ChromeDriver browser;

  @BeforeAll
  static void start() {
    platform = Platform.get();
  }

  private static final Path DOWNLOADS = Path.of("target/downloads").toAbsolutePath();

  @BeforeEach
  void freshBrowser() throws Exception {
    browser = Browser.start();
    // what the console downloads lands here, to be checked on disk; nothing of an earlier test
    Files.createDirectories(DOWNLOADS);
    try (var earlier = Files.list(DOWNLOADS)) {
      for (Path file : earlier.toList()) {
        Files.delete(file);
      }
    }
    browser.executeCdpCommand(
        "Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", DOWNLOADS.toString()));
  }

  @AfterEach
  void closeBrowser() {
    browser.quit();
  }

  @Test
  void aStreetAdmin_seesTheStreetsCommunitiesRankedPerMetric_withTheApisNumbers() throws Exception {
    logIn("baishalu.admin");
    wait(browser)
        .until(
            ExpectedConditions.numberOfElementsToBe(By.cssSelector("#charts [data-metric]"), 12));
    assertThat(browser.findElement(By.id("street")).getAttribute("value")).isEqualTo("baishalu");
    assertThat(browser.findElement(By.cssSelector("[data-testid=as-of]")).getText())
        .startsWith("数据截至");
    assertThat(Accessibility.seriousViolations(browser))
        .as("the dashboard's accessibility")
        .isEmpty();
    assertThat(overflow()).as("the dashboard's width at 1280 px").isZero();
    // in Chinese first: the metric's definition too
    assertThat(
            browser
                .findElement(By.cssSelector("[data-metric=households] h2"))
                .getAttribute("title"))
        .isEqualTo("社区花名册登记的户数。");

    // the chart's own data, not its pixels: each bar a community, in rank order, the API's value
    List<Map<String, Object>> bars =
        chart(
            "households",
            "series[0].data.map(d => ({key: d.standing.communityKey, value: d.value}))");
    GraphQlResult api =
        platform
            .api()
            .query(
                "{ streetComparison(streetKey: \"baishalu\", metrics: [\"households\"]) {"
                    + " communities { communityKey value rank } } }")
            .as("baishalu.admin")
            .execute();
    JsonNode standings = api.data("streetComparison.0.communities");
    assertThat(bars).hasSize(standings.size()).hasSizeGreaterThanOrEqualTo(2);
    for (JsonNode standing : standings) {
      Map<String, Object> bar =
          bars.stream()
              .filter(b -> b.get("key").equals(standing.path("communityKey").asString()))
              .findFirst()
              .orElseThrow();
      assertThat(((Number) bar.get("value")).doubleValue())
          .isEqualTo(standing.path("value").asDouble());
    }
    Object median =
        browser.executeScript(
            "const plot = document.querySelector('[data-metric=households] .plot');"
                + " const line = echarts.getInstanceByDom(plot).getOption().series[0].markLine;"
                + " return line ? line.data[0].yAxis : null;");
    assertThat(median).as("the street's median as a line").isNotNull();

    // a line per community over the weeks
    new org.openqa.selenium.support.ui.Select(
            browser.findElement(By.cssSelector("[data-metric=households] [data-testid=view]")))
        .selectByValue("weekly");
    List<Map<String, Object>> lines =
        chart("households", "series.map(s => ({type: s.type, key: s.id, points: s.data.length}))");
    assertThat(lines).hasSize(standings.size());
    for (Map<String, Object> line : lines) {
      assertThat(line.get("type")).isEqualTo("line");
      // the demo's history: a trend over several of the last 12 weeks, not today's point alone
      // (days that earlier tests' snapshots recorded keep those, so not always all twelve)
      assertThat(((Number) line.get("points")).intValue()).isBetween(2, 13);
    }

    Path shots = Path.of("target/screenshots");
    Files.createDirectories(shots);
    Files.write(shots.resolve("console-dashboard.png"), browser.getScreenshotAs(OutputType.BYTES));

    // one community picked: its line alone, its bar standing out, its rank said on every card
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("community-pick")))
        .selectByValue("baiguoshu");
    assertThat(chart("households", "series.map(s => ({key: s.id}))"))
        .containsExactly(Map.of("key", "baiguoshu"));
    JsonNode baiguoshu =
        java.util.stream.StreamSupport.stream(standings.spliterator(), false)
            .filter(s -> s.path("communityKey").asString().equals("baiguoshu"))
            .findFirst()
            .orElseThrow();
    assertThat(
            browser
                .findElement(By.cssSelector("[data-metric=households] [data-testid=picked]"))
                .getAttribute("data-rank"))
        .isEqualTo(baiguoshu.path("rank").isNull() ? "" : baiguoshu.path("rank").asString());
    new org.openqa.selenium.support.ui.Select(
            browser.findElement(By.cssSelector("[data-metric=households] [data-testid=view]")))
        .selectByValue("ranking");
    List<Map<String, Object>> faded =
        chart(
            "households",
            "series[0].data.map(d => ({key: d.standing.communityKey, opacity: d.itemStyle.opacity}))");
    assertThat(faded)
        .allSatisfy(
            bar ->
                assertThat(((Number) bar.get("opacity")).doubleValue())
                    .isEqualTo(bar.get("key").equals("baiguoshu") ? 1.0 : 0.3));

    browser.findElement(By.cssSelector("[data-testid=export]")).click();
    wait(browser)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-testid=status]"), "已导出"));

    // English on request, the metric names from the catalogue's own English labels
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("language")))
        .selectByValue("en");
    wait(browser)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-metric=households] h2"), "Households"));

    assertOnlyThePlatformsHosts();
  }

  @Test
  void anotherStreetsAdmin_seesOnlyTheirStreet_andACommunityAdminNoDashboard() {
    logIn("gutang.admin");
    wait(browser)
        .until(
            ExpectedConditions.numberOfElementsToBe(By.cssSelector("#charts [data-metric]"), 12));
    List<String> streets =
        browser.findElements(By.cssSelector("#street option")).stream()
            .map(option -> option.getAttribute("value"))
            .toList();
    assertThat(streets).containsExactly("gutang");
    assertThat(browser.findElement(By.id("charts")).getText())
        .doesNotContain("白果树")
        .doesNotContain("新华");
    browser.quit();

    browser = Browser.start();
    logIn("baiguoshu.admin");
    // a community's admin: the rollout of their community and its people, nothing of the street
    wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("rollout")));
    assertThat(menu()).containsExactly("#rollout", "#people");
    assertThat(browser.findElement(By.id("dashboard")).isDisplayed()).isFalse();
    browser.get(Platform.CONSOLE_ORIGIN + "/console/#audit");
    browser.navigate().refresh();
    wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("rollout")));
    assertThat(browser.findElement(By.id("audit-log")).isDisplayed()).isFalse();
    browser.findElement(By.cssSelector("[data-testid=nav-people]")).click();
    By own = By.cssSelector("#people-community option");
    wait(browser).until(ExpectedConditions.presenceOfElementLocated(own));
    // their own community, none of their street's others (earlier tests may have made them the
    // admin of a community of their own making)
    assertThat(browser.findElements(own).stream().map(o -> o.getAttribute("value")).toList())
        .contains("baiguoshu")
        .doesNotContain("xinhua");
    assertThat(browser.findElement(By.id("street-section")).isDisplayed()).isFalse();
    wait(browser)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#people tr[data-person='baiguoshu.admin'] [data-testid=grant]")));
  }

  @Test
  void aStreetViewer_readsTheRegistryAndPeople_butIsOfferedNoChange() {
    logIn("baishalu.viewer");
    wait(browser)
        .until(
            ExpectedConditions.numberOfElementsToBe(By.cssSelector("#charts [data-metric]"), 12));
    assertThat(menu()).containsExactly("#dashboard", "#rollout", "#communities", "#people");

    // by keyboard alone: from the menu's first link, Tab to the registry's, Enter opens it
    browser.executeScript("document.querySelector('[data-testid=nav-dashboard]').focus();");
    for (int tab = 0;
        tab < 10
            && !"nav-communities"
                .equals(browser.switchTo().activeElement().getAttribute("data-testid"));
        tab++) {
      new org.openqa.selenium.interactions.Actions(browser)
          .sendKeys(org.openqa.selenium.Keys.TAB)
          .perform();
    }
    assertThat(browser.switchTo().activeElement().getAttribute("data-testid"))
        .isEqualTo("nav-communities");
    browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
    By row = By.cssSelector("#registry tr[data-community=baiguoshu]");
    wait(browser).until(ExpectedConditions.presenceOfElementLocated(row));
    assertThat(browser.findElement(row).findElements(By.cssSelector("button"))).isEmpty();
    assertThat(browser.findElement(By.id("onboard")).isDisplayed()).isFalse();

    browser.findElement(By.cssSelector("[data-testid=nav-people]")).click();
    wait(browser)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#people-community option[value=baiguoshu]")));
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("people-community")))
        .selectByValue("baiguoshu");
    wait(browser)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#people tr[data-person='baiguoshu.admin']")));
    assertThat(browser.findElement(By.id("street-grant")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("invite")).isDisplayed()).isFalse();
    assertThat(browser.findElements(By.cssSelector("#people button, #street-people button")))
        .isEmpty();
    browser.quit();

    // a resident: the console is not for them, and says so
    browser = Browser.start();
    logIn("baiguoshu.resident");
    wait(browser)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-testid=status]"), "工作人员"));
    assertThat(menu()).isEmpty();
  }

  /** The screens the menu offers. */
  private List<String> menu() {
    return browser.findElements(By.cssSelector("#screens a")).stream()
        .filter(link -> link.isDisplayed())
        .map(link -> link.getAttribute("href").replaceAll("^[^#]*", ""))
        .toList();
  }

  @Test
  void theStreetAdmin_movesACommunityOnInTheRollout_andACommunityAdminSeesOnlyTheirOwn()
      throws Exception {
    logIn("baishalu.admin");
    browser.findElement(By.cssSelector("[data-testid=nav-rollout]")).click();
    openTheDemoProject();
    wait(browser)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-stage=ROUTINE] [data-community=baiguoshu]")));
    assertThat(
            browser.findElements(By.cssSelector("[data-stage=PILOTING] [data-community=xinhua]")))
        .hasSize(1);
    assertThat(browser.findElements(By.cssSelector("[data-testid=targets] tr[data-community]")))
        .hasSize(2);
    assertThat(browser.findElement(By.cssSelector("[data-testid=overdue]")).getText())
        .contains("1");
    assertThat(Accessibility.seriousViolations(browser))
        .as("the rollout's accessibility")
        .isEmpty();
    assertThat(overflow()).as("the rollout's width at 1280 px").isZero();
    browser
        .findElement(
            By.cssSelector("[data-stage=PILOTING] [data-community=xinhua] [data-testid=details]"))
        .click();
    wait(browser)
        .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("li[data-overdue=true]"), 1));

    browser
        .findElement(By.cssSelector("[data-stage=PILOTING] [data-community=xinhua] input"))
        .sendKeys("试点评估通过");
    browser
        .findElement(
            By.cssSelector("[data-stage=PILOTING] [data-community=xinhua] [data-testid=move]"))
        .click();
    wait(browser)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-stage=ROUTINE] [data-community=xinhua]")));
    browser
        .findElement(
            By.cssSelector("[data-stage=ROUTINE] [data-community=xinhua] [data-testid=details]"))
        .click();
    wait(browser)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-testid=history]"), "试点评估通过"));
    Path shots = Path.of("target/screenshots");
    Files.createDirectories(shots);
    Files.write(shots.resolve("console-rollout.png"), browser.getScreenshotAs(OutputType.BYTES));
    browser.quit();

    browser = Browser.start();
    logIn("baiguoshu.admin");
    browser.findElement(By.cssSelector("[data-testid=nav-rollout]")).click();
    openTheDemoProject();
    wait(browser)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-stage=ROUTINE] [data-community=baiguoshu]")));
    assertThat(browser.findElements(By.cssSelector("[data-community=xinhua]"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("[data-testid=move]"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("[data-testid=overdue]"))).isEmpty();
  }

  @Test
  void theStreetAdmin_onboardsACommunity_runsItsStatusAndPeople_andReadsItAllInTheAuditLog()
      throws Exception {
    String suffix = Long.toString(System.nanoTime() % 1_000_000);
    String key = "console-" + suffix;
    String firstAdmin = "console-admin-" + suffix;
    logIn("baishalu.admin");
    browser.findElement(By.cssSelector("[data-testid=nav-communities]")).click();
    wait(browser)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#registry tr[data-community=baiguoshu]")));
    assertThat(browser.findElements(By.cssSelector("#registry tr[data-community=qingyuan]")))
        .as("another street's community")
        .isEmpty();
    checkScreen("communities");

    // a refusal is shown beside the field it names, and nothing is made
    browser.findElement(By.id("onboard-key")).sendKeys("Not A Key");
    browser.findElement(By.id("onboard-name")).sendKeys("控制台社区");
    browser.findElement(By.id("onboard-username")).sendKeys(firstAdmin);
    browser.findElement(By.id("onboard-email")).sendKeys(firstAdmin + "@example.org");
    browser.findElement(By.cssSelector("[data-testid=onboard-submit]")).click();
    wait(browser)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-error-for=key]"), "INVALID_INPUT"));

    browser.findElement(By.id("onboard-key")).clear();
    browser.findElement(By.id("onboard-key")).sendKeys(key);
    browser.findElement(By.cssSelector("[data-testid=onboard-submit]")).click();
    By row = By.cssSelector("#registry tr[data-community=" + key + "]");
    // the live registry may show it ONBOARDING first, while its first admin is set up
    wait(browser).until(ExpectedConditions.attributeToBe(row, "data-status", "ACTIVE"));
    assertThat(org.redgovernance.testing.Mailbox.of(firstAdmin + "@example.org")).hasSize(1);

    changeStatus(row, "suspend", "整改");
    wait(browser).until(ExpectedConditions.attributeToBe(row, "data-status", "SUSPENDED"));
    changeStatus(row, "reactivate", "已整改");
    wait(browser).until(ExpectedConditions.attributeToBe(row, "data-status", "ACTIVE"));

    // its people: the last admin cannot go; a role granted; a resident invited by e-mail
    browser.findElement(By.cssSelector("[data-testid=nav-people]")).click();
    wait(browser)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#people-community option[value='" + key + "']")));
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("people-community")))
        .selectByValue(key);
    // the street's own people: a viewer granted and revoked; an unknown account refused
    browser.findElement(By.id("street-grant-username")).sendKeys("no-such-person-" + suffix);
    browser.findElement(By.cssSelector("[data-testid=street-grant-submit]")).click();
    wait(browser)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("street-grant"), ":"));
    browser.findElement(By.id("street-grant-username")).clear();
    browser.findElement(By.id("street-grant-username")).sendKeys(firstAdmin);
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("street-grant-role")))
        .selectByValue("VIEWER");
    browser.findElement(By.cssSelector("[data-testid=street-grant-submit]")).click();
    By onStreet =
        By.cssSelector(
            "#street-people tr[data-street-person='"
                + firstAdmin
                + "'] [data-revoke-street=VIEWER]");
    wait(browser).until(ExpectedConditions.presenceOfElementLocated(onStreet));
    browser.findElement(onStreet).click();
    wait(browser).until(ExpectedConditions.numberOfElementsToBe(onStreet, 0));

    By person = By.cssSelector("#people tr[data-person='" + firstAdmin + "']");
    wait(browser).until(ExpectedConditions.presenceOfElementLocated(person));
    browser.findElement(person).findElement(By.cssSelector("[data-revoke=ADMIN]")).click();
    wait(browser)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(
                    "#people tr[data-person='" + firstAdmin + "'] [data-testid=person-error]"),
                "LAST_ADMIN"));
    // removing them from the community is asked twice, and refused for the last admin too
    browser.findElement(person).findElement(By.cssSelector("[data-testid=remove]")).click();
    browser.findElement(person).findElement(By.cssSelector("[data-testid=remove]")).click();
    wait(browser)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(
                    "#people tr[data-person='" + firstAdmin + "'] [data-testid=person-error]"),
                "LAST_ADMIN"));
    new org.openqa.selenium.support.ui.Select(
            browser.findElement(person).findElement(By.cssSelector("[data-testid=grant-role]")))
        .selectByValue("SECRETARY");
    browser.findElement(person).findElement(By.cssSelector("[data-testid=grant]")).click();
    wait(browser)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(
                    "#people tr[data-person='" + firstAdmin + "'] [data-revoke=SECRETARY]")));
    checkScreen("people");

    browser.findElement(By.cssSelector("[data-testid=invite-submit]")).click();
    wait(browser)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("invite"), "INVALID_INPUT"));
    String resident = "console-resident-" + suffix + "@example.org";
    browser.findElement(By.id("invite-email")).sendKeys(resident);
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("invite-role")))
        .selectByValue("RESIDENT");
    browser.findElement(By.cssSelector("[data-testid=invite-submit]")).click();
    wait(browser)
        .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#invitations li"), 1));
    assertThat(org.redgovernance.testing.Mailbox.of(resident)).hasSize(1);

    browser.findElement(By.cssSelector("[data-testid=nav-audit]")).click();
    // searched in tenant-admin: the community's entries, however far back in the street's log
    wait(browser)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#audit-community option[value='" + key + "']")));
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("audit-community")))
        .selectByValue(key);
    browser.findElement(By.cssSelector("[data-testid=audit-apply]")).click();
    wait(browser)
        .until(
            ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#audit tr[data-action='community.reactivated']"), 1));
    List<String> actions =
        browser.findElements(By.cssSelector("#audit tr[data-action]")).stream()
            .map(entry -> entry.getAttribute("data-action"))
            .toList();
    assertThat(actions)
        .contains("community.onboarded", "community.suspended", "community.reactivated");
    assertThat(browser.findElements(By.cssSelector("#audit tr[data-action]")))
        .allSatisfy(entry -> assertThat(entry.getText()).contains(key));
    checkScreen("audit");
    browser.findElement(By.cssSelector("[data-testid=audit-export]")).click();
    assertThat(downloaded("audit-log-baishalu-")).isNotEmptyFile();
  }

  @Test
  void theStreetAdmin_exportsErasesAndImportsACommunity_withProgressAndAReport() throws Exception {
    String key = "archive-" + Long.toString(System.nanoTime() % 1_000_000);
    onboard(key);
    logIn("baishalu.admin");
    browser.findElement(By.cssSelector("[data-testid=nav-communities]")).click();
    By row = By.cssSelector("#registry tr[data-community=" + key + "]");
    wait(browser).until(ExpectedConditions.presenceOfElementLocated(row));
    changeStatus(row, "suspend", "迁移");
    wait(browser).until(ExpectedConditions.attributeToBe(row, "data-status", "SUSPENDED"));

    wait(browser)
        .until(
            driver -> {
              driver
                  .findElement(row)
                  .findElement(By.cssSelector("[data-action=archive-panel]"))
                  .click();
              return true;
            });
    By erase = By.cssSelector("[data-testid=erase-submit]");
    wait(browser).until(ExpectedConditions.presenceOfElementLocated(erase));
    // erasing waits for the community's key, typed exactly; then the API wants an export first
    browser.findElement(By.id("erase-reason")).sendKeys("迁往新平台");
    browser.findElement(By.id("erase-confirm")).sendKeys(key + "x");
    assertThat(browser.findElement(erase).isEnabled()).as("a mistyped key").isFalse();
    browser.findElement(By.id("erase-confirm")).sendKeys(org.openqa.selenium.Keys.BACK_SPACE);
    assertThat(browser.findElement(erase).isEnabled()).isTrue();
    browser.findElement(erase).click();
    wait(browser)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("erase-error"), "EXPORT_REQUIRED"));
    assertThat(browser.findElement(row).getAttribute("data-status")).isEqualTo("SUSPENDED");

    browser.findElement(By.cssSelector("[data-testid=export-archive]")).click();
    wait(browser)
        .until(
            ExpectedConditions.attributeToBeNotEmpty(
                browser.findElement(By.cssSelector("[data-testid=export-progress]")),
                "data-bytes"));
    Path archive = downloaded(key + "-");
    assertThat(archive).isNotEmptyFile();
    wait(browser)
        .until(
            ExpectedConditions.not(
                ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[data-testid=exported-at]"), "尚未导出")));

    // the form kept what was typed: the key still confirms it
    assertThat(browser.findElement(erase).isEnabled()).isTrue();
    browser.findElement(erase).click();
    wait(browser).until(ExpectedConditions.attributeToBe(row, "data-status", "ERASED"));

    // the archive goes back in, with the upload's progress and a report of what was loaded
    By file = By.id("import-file");
    wait(browser).until(ExpectedConditions.presenceOfElementLocated(file));
    browser.findElement(file).sendKeys(archive.toString());
    browser.findElement(By.cssSelector("[data-testid=import-submit]")).click();
    By rows = By.cssSelector("[data-testid=imported-rows]");
    wait(browser).until(ExpectedConditions.presenceOfElementLocated(rows));
    assertThat(Long.parseLong(browser.findElement(rows).getAttribute("data-rows"))).isPositive();
    assertThat(browser.findElement(By.cssSelector("[data-testid=import-report]")).getText())
        .contains("已导入");
    wait(browser).until(ExpectedConditions.attributeToBe(row, "data-status", "SUSPENDED"));
    checkScreen("archive");
  }

  @Test
  void theRegistry_showsAStatusChangedElsewhere_whileItIsOpen() {
    String key = "live-" + Long.toString(System.nanoTime() % 1_000_000);
    logIn("baishalu.admin");
    browser.findElement(By.cssSelector("[data-testid=nav-communities]")).click();
    By live = By.cssSelector("[data-testid=registry-live]");
    wait(browser).until(ExpectedConditions.attributeToBe(live, "data-live", "on"));

    // another admin, elsewhere: the community appears, then its suspension, with no reload
    onboard(key);
    By row = By.cssSelector("#registry tr[data-community=" + key + "]");
    wait(browser).until(ExpectedConditions.attributeToBe(row, "data-status", "ACTIVE"));
    // what someone is typing on another row survives the row being drawn anew
    By xinhuaReason = By.cssSelector("#registry tr[data-community=xinhua] [data-testid=reason]");
    wait(browser)
        .until(
            driver -> {
              driver.findElement(xinhuaReason).sendKeys("正在输入");
              return true;
            });
    GraphQlResult suspended =
        platform
            .admin()
            .query(
                """
                mutation($key: String!) {
                  suspendCommunity(input: {communityKey: $key, reason: "另一位管理员暂停"}) {
                    errors { code }
                  }
                }""")
            .as("baishalu.admin")
            .variable("key", key)
            .execute();
    assertThat(suspended.data("suspendCommunity.errors").size()).isZero();
    wait(browser).until(ExpectedConditions.attributeToBe(row, "data-status", "SUSPENDED"));
    wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(row, "另一位管理员暂停"));
    assertThat(browser.findElement(xinhuaReason).getAttribute("value")).isEqualTo("正在输入");
    assertOnlyThePlatformsHosts();
  }

  /**
   * Types the reason on the community's row and presses the action; again when the live registry
   * drew the row anew meanwhile.
   */
  private void changeStatus(By row, String action, String reason) {
    wait(browser)
        .until(
            driver -> {
              var community = driver.findElement(row);
              var field = community.findElement(By.cssSelector("[data-testid=reason]"));
              field.clear();
              field.sendKeys(reason);
              community.findElement(By.cssSelector("[data-action=" + action + "]")).click();
              return true;
            });
  }

  /** A community onboarded through tenant-admin's API, with its first admin. */
  private void onboard(String key) {
    GraphQlResult onboarded =
        platform
            .admin()
            .query(
                """
                mutation($key: String!, $admin: String!, $email: String!) {
                  onboardCommunity(input: {streetKey: "baishalu", key: $key, name: "档案测试社区",
                      firstAdmin: {username: $admin, email: $email}}) {
                    errors { code message }
                  }
                }""")
            .as("baishalu.admin")
            .variable("key", key)
            .variable("admin", key + "-admin")
            .variable("email", key + "-admin@example.org")
            .execute();
    assertThat(onboarded.data("onboardCommunity.errors").size()).as(onboarded.toString()).isZero();
  }

  /** A file the browser saved whose name starts so (a finished download, not a partial one). */
  private Path downloaded(String prefix) {
    return wait(browser)
        .until(
            driver -> {
              try (var files = Files.list(DOWNLOADS)) {
                return files
                    .filter(f -> f.getFileName().toString().startsWith(prefix))
                    .filter(f -> !f.getFileName().toString().endsWith(".crdownload"))
                    .findFirst()
                    .orElse(null);
              } catch (java.io.IOException e) {
                return null;
              }
            });
  }

  /**
   * A screen as its users get it: no serious accessibility violation, nothing wider than the 1280
   * px window, and its screenshot in {@code target/screenshots/console-<name>.png}.
   */
  private void checkScreen(String name) throws java.io.IOException {
    assertThat(Accessibility.seriousViolations(browser)).as(name + "'s accessibility").isEmpty();
    assertThat(overflow()).as(name + "'s width at 1280 px").isZero();
    Path shots = Files.createDirectories(Path.of("target/screenshots"));
    Files.write(
        shots.resolve("console-" + name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  /** How many pixels the page is wider than the window: a layout that does not hold. */
  private long overflow() {
    return (Long)
        browser.executeScript(
            "return Math.max(0, document.documentElement.scrollWidth"
                + " - document.documentElement.clientWidth);");
  }

  /** The accessibility check above is not vacuous: it finds what it must. */
  @Test
  void theAccessibilityCheck_findsAnImageWithoutAlternativeText_andAnUnlabelledField() {
    browser.get(
        "data:text/html;charset=utf-8,<html lang=en><title>t</title><main><img src=x.png>"
            + "<input type=text></main></html>");
    assertThat(Accessibility.seriousViolations(browser))
        .anySatisfy(violation -> assertThat(violation).startsWith("image-alt"))
        .anySatisfy(violation -> assertThat(violation).startsWith("label"));
  }

  /**
   * What {@code expression} makes of the ECharts option of the metric's chart (its data, not its
   * pixels), e.g. {@code series[0].data}.
   */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> chart(String metric, String expression) {
    return (List<Map<String, Object>>)
        browser.executeScript(
            "const plot = document.querySelector('[data-metric="
                + metric
                + "] .plot');"
                + " return echarts.getInstanceByDom(plot).getOption()."
                + expression
                + ";");
  }

  /** The demo's project among whatever others the build's tests made in the street. */
  private void openTheDemoProject() {
    By demo = By.xpath("//button[@data-project][starts-with(normalize-space(.), '红色治家书记项目 ·')]");
    wait(browser).until(ExpectedConditions.elementToBeClickable(demo)).click();
  }

  private void logIn(String username) {
    browser.get(Platform.CONSOLE_ORIGIN + "/console/");
    wait(browser)
        .until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=login]")))
        .click();
    assertThat(browser.getCurrentUrl()).contains("code_challenge_method=S256");
    wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(RealmDefinition.DEMO_PASSWORD);
    browser.findElement(By.id("kc-login")).click();
    wait(browser)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-testid=who]"), username));
    assertThat(browser.getCurrentUrl()).doesNotContain("code=");
  }

  /** Every request the page made went to tenant-admin, platform-api or the realm. */
  private void assertOnlyThePlatformsHosts() {
    @SuppressWarnings("unchecked")
    List<String> requested =
        (List<String>)
            browser.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)"
                    + ".concat([location.href]);");
    URI issuer = URI.create(TestStack.get().issuer());
    List<String> allowed =
        List.of(
            "127.0.0.1:" + Platform.ADMIN_PORT,
            "127.0.0.1:" + platform.consoleApiPort(),
            issuer.getHost() + ":" + issuer.getPort());
    assertThat(requested).isNotEmpty();
    for (String url : requested) {
      if (url.startsWith("blob:")) {
        continue;
      }
      URI uri = URI.create(url);
      assertThat(uri.getHost() + ":" + uri.getPort()).as(url).isIn(allowed);
    }
  }

  private WebDriverWait wait(WebDriver driver) {
    WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
    wait.withMessage(() -> Browser.report(browser));
    // the live registry draws its rows again whenever a status changes: look again
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return wait;
  }
}
