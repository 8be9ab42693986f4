package org.redgovernance.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redgovernance.keycloak.RealmDefinition;
import org.redgovernance.referenceapp.ReferenceAppServer;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.Mailbox;
import org.redgovernance.testing.TestStack;
import tools.jackson.databind.JsonNode;

/**
 * The reference app in a real Chromium, against platform-api and Keycloak as a front-end team meets
 * them: served from a dev-server origin (http://127.0.0.1:5173), it logs a resident in through the
 * realm's login page with PKCE, shows their community's notices and matter board and nothing of
 * another community, shows a notice the admin publishes without reloading, and shows a photo the
 * resident uploads through its signed link.
 */
class ReferenceAppEndToEndTests {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private static Platform platform;
  private static ReferenceAppServer app;
  private static ChromeDriver browser;

  @BeforeAll
  static void start() {
    platform = Platform.get();
    app =
        ReferenceAppServer.start(
            new InetSocketAddress("127.0.0.1", 5173),
            new ReferenceAppServer.Config(
                "http://127.0.0.1:" + platform.apiPort(),
                TestStack.get().issuer(),
                RealmDefinition.WEB_CLIENT));
  }

  @BeforeEach
  void freshBrowser() {
    browser = Browser.start();
  }

  @AfterEach
  void closeBrowser() {
    browser.quit();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void aResident_logsInWithPkce_seesOnlyTheirCommunity_andANewNoticeArrivesLive() throws Exception {
    GraphQlHttp api = platform.api();
    String matter = reportedByTheResident(api);

    browser.get(app.origin() + "/");
    wait(browser)
        .until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=login]")))
        .click();
    // the realm's own login page, reached with a PKCE challenge
    assertThat(browser.getCurrentUrl()).contains("code_challenge_method=S256");
    wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    browser.findElement(By.id("username")).sendKeys("baiguoshu.resident");
    browser.findElement(By.id("password")).sendKeys(RealmDefinition.DEMO_PASSWORD);
    browser.findElement(By.id("kc-login")).click();

    wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), "实时"));
    assertThat(browser.getCurrentUrl())
        .as("the code is gone from the address")
        .doesNotContain("code=");
    assertThat(text("who")).contains("baiguoshu.resident");
    List<String> shown = items("notices");
    assertThat(shown).isNotEmpty().allMatch(item -> item.contains("白果树社区"));
    List<String> shownIds =
        browser.findElements(By.cssSelector("#notices > li")).stream()
            .map(item -> item.getAttribute("data-notice"))
            .toList();
    assertThat(shownIds)
        .containsAll(noticeIds(api, "baiguoshu.admin", "baiguoshu"))
        .doesNotContainAnyElementsOf(noticeIds(api, "xinhua.admin", "xinhua"));
    assertThat(items("matters")).isNotEmpty();
    assertThat(text("status")).as("no error shown").isEmpty();

    String title = "浏览器实时通知 " + System.nanoTime();
    GraphQlResult published =
        api.query(
                "mutation($input: PublishNoticeInput!) { publishNotice(input: $input) {"
                    + " notice { id } errors { code } } }")
            .as("baiguoshu.admin")
            .variable(
                "input", Map.of("communityKey", "baiguoshu", "title", title, "body", "无需刷新即可看到"))
            .execute();
    assertThat(published.data("publishNotice.errors").size()).as(published.toString()).isZero();
    wait(browser)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("notices"), title));
    assertThat(items("notices").get(0)).as("the newest first").contains(title);

    Path photo = photo();
    browser
        .findElement(By.cssSelector("input[data-upload='" + matter + "']"))
        .sendKeys(photo.toString());
    WebElement image =
        wait(browser)
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("li[data-matter='" + matter + "'] img")));
    assertThat(image.getAttribute("src")).contains("signature=");
    wait(browser)
        .until(
            driver ->
                Boolean.TRUE.equals(
                    browser.executeScript(
                        "return arguments[0].complete && arguments[0].naturalWidth === 8", image)));
  }

  @Test
  void anInvitationLink_opensTheInvitationPage_whichKeepsTheCodeThroughLogin_andAcceptsIt() {
    String email = "invitee-" + System.nanoTime() + "@example.org";
    GraphQlResult invited =
        platform
            .admin()
            .query(
                "mutation($input: InvitePersonInput!) { invitePerson(input: $input) {"
                    + " invitation { status } errors { code message } } }")
            .as("baiguoshu.admin")
            .variable(
                "input",
                Map.of(
                    "communityKey", "baiguoshu",
                    "email", email,
                    "firstName", "邀请",
                    "lastName", "王",
                    "role", "RESIDENT"))
            .execute();
    assertThat(invited.data("invitePerson.invitation.status").asString())
        .as(invited.toString())
        .isEqualTo("PENDING");
    List<String> messages = Mailbox.of(email);
    assertThat(messages).hasSize(1);
    Matcher link = Pattern.compile("/invitation#code=([0-9A-Z]{26})").matcher(messages.get(0));
    assertThat(link.find()).as(messages.get(0)).isTrue();

    // someone of another community follows the link and logs in
    browser.get(app.origin() + "/invitation#code=" + link.group(1));
    // the code leaves the address as soon as the page's script runs, before anything is fetched
    wait(browser).until(driver -> !driver.getCurrentUrl().contains("code="));
    wait(browser)
        .until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=login]")))
        .click();
    wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    browser.findElement(By.id("username")).sendKeys("xinhua.resident");
    browser.findElement(By.id("password")).sendKeys(RealmDefinition.DEMO_PASSWORD);
    browser.findElement(By.id("kc-login")).click();

    wait(browser)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已接受邀请: 白果树社区"));
  }

  private static String reportedByTheResident(GraphQlHttp api) {
    return Reports.byTheResident(api, "楼道灯坏了(浏览器测试)", "三楼楼道灯不亮");
  }

  /** The 20 newest notices for everyone that are up, as the community's admin lists them. */
  private static List<String> noticeIds(GraphQlHttp api, String user, String community) {
    JsonNode edges =
        api.query(
                "query($key: String!) { notices(first: 20, filter: {communityKey: $key,"
                    + " audiences: [EVERYONE], statuses: [PUBLISHED]}) { edges { node { id } } } }")
            .as(user)
            .variable("key", community)
            .execute()
            .data("notices.edges");
    List<String> ids = new ArrayList<>();
    edges.forEach(edge -> ids.add(edge.path("node").path("id").asString()));
    assertThat(ids).as(community + " has notices for everyone").isNotEmpty();
    return ids;
  }

  /** A real 8×8 PNG, which the browser must decode to show. */
  private static Path photo() throws IOException {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 8; x++) {
      for (int y = 0; y < 8; y++) {
        image.setRGB(x, y, 0xCC0000);
      }
    }
    Path file = Files.createTempFile("matter-photo", ".png");
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private List<String> items(String id) {
    return browser.findElements(By.cssSelector("#" + id + " > li")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static WebDriverWait wait(WebDriver driver) {
    WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
    wait.withMessage(() -> Browser.report(browser));
    return wait;
  }
}
