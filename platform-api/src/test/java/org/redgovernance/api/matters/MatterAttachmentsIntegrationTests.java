package org.redgovernance.api.matters;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.api.support.Uploads;
import org.redgovernance.testing.HttpJson;
import org.redgovernance.testing.Tokens;
import tools.jackson.databind.JsonNode;

/** Photos and documents of a matter: who adds them, what is accepted, who downloads them. */
class MatterAttachmentsIntegrationTests extends IntegrationTest {

  private static final byte[] PNG = png();
  private static final byte[] PDF = "%PDF-1.4\n%测试\n".getBytes(StandardCharsets.UTF_8);

  private MatterDesk desk;

  @BeforeEach
  void desk() {
    desk = new MatterDesk(graphql);
  }

  @Test
  void theReporter_attachesAPhoto_staffAndTheReporterDownloadIt_othersCannot() throws Exception {
    String matter = desk.reportedByTheResident("墙面裂缝照片");

    HttpJson.Response uploaded = attach("baiguoshu.resident", matter, "../../裂缝.png", PNG);
    assertThat(uploaded.status()).as(uploaded.body().toString()).isEqualTo(201);
    assertThat(uploaded.body().path("fileName").asString()).isEqualTo("裂缝.png");
    assertThat(uploaded.body().path("contentType").asString()).isEqualTo("image/png");

    JsonNode listed = desk.matter("baiguoshu.admin", matter).path("attachments");
    assertThat(listed.size()).isEqualTo(1);
    String url = listed.path(0).path("url").asString();

    HttpResponse<byte[]> byStaff = get(url, "baiguoshu.supervisor");
    assertThat(byStaff.statusCode()).isEqualTo(200);
    assertThat(byStaff.body()).isEqualTo(PNG);
    assertThat(byStaff.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(byStaff.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(get(url, "baiguoshu.resident").statusCode()).isEqualTo(200);
    assertThat(get(url, "xinhua.admin").statusCode()).isEqualTo(404);
    assertThat(get(url, "gutang.admin").statusCode()).isEqualTo(404);
  }

  @Test
  void aSignedUrl_showsThePhotoWithoutAToken_butOnlyThatPhoto_andOnlyAsSigned() throws Exception {
    String matter = desk.reportedByTheResident("楼道灯不亮照片");
    assertThat(attach("baiguoshu.resident", matter, "灯.png", PNG).status()).isEqualTo(201);
    String other = desk.reportedByTheResident("另一张照片");
    assertThat(attach("baiguoshu.resident", other, "别的.pdf", PDF).status()).isEqualTo(201);

    JsonNode photo = desk.matter("baiguoshu.resident", matter).path("attachments").path(0);
    String signed = photo.path("signedUrl").asString();
    assertThat(signed).startsWith(photo.path("url").asString() + "?expires=");
    JsonNode again = desk.matter("baiguoshu.resident", matter).path("attachments").path(0);
    if (again.path("signedUrlExpiresAt").equals(photo.path("signedUrlExpiresAt"))) {
      assertThat(again.path("signedUrl"))
          .as("asked again within the window: the same link, which browsers cache")
          .isEqualTo(photo.path("signedUrl"));
    }

    HttpResponse<byte[]> shown = get(signed, null);
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.body()).isEqualTo(PNG);
    assertThat(shown.headers().firstValue("Cache-Control").orElseThrow())
        .startsWith("max-age=")
        .contains("private");
    assertThat(shown.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");

    String otherUrl =
        desk.matter("baiguoshu.admin", other).path("attachments").path(0).path("url").asString();
    String signature = signed.substring(signed.indexOf("&signature="));
    String expires = signed.substring(signed.indexOf("?expires="), signed.indexOf("&signature="));
    String later = "?expires=" + (Long.parseLong(expires.substring(9)) + 300);
    for (String forged :
        List.of(
            otherUrl + expires + signature,
            photo.path("url").asString() + later + signature,
            signed.substring(0, signed.length() - 2) + "AA",
            photo.path("url").asString() + "?signature=" + signature.substring(11),
            photo.path("url").asString() + "?expires=abc" + signature)) {
      assertThat(get(forged, null).statusCode()).as(forged).isIn(400, 404);
    }
    assertThat(get(photo.path("url").asString(), null).statusCode())
        .as("the plain URL still needs the token")
        .isEqualTo(401);
  }

  @Test
  void onlyJpegPngAndPdf_onceEach_andOnlyByTheReporterOrStaff_whileTheMatterIsOpen() {
    String matter = desk.reportedByTheResident("附件规则");
    long before = Rows.count("SELECT count(*) FROM rg.matter_attachment");

    HttpJson.Response script =
        attach(
            "baiguoshu.resident", matter, "photo.png", "<script>".getBytes(StandardCharsets.UTF_8));
    assertThat(script.status()).isEqualTo(400);
    assertThat(script.body().path("code").asString()).isEqualTo("INVALID_INPUT");
    assertThat(attach("baiguoshu.admin", matter, "会议纪要.pdf", PDF).status()).isEqualTo(201);
    HttpJson.Response again = attach("baiguoshu.admin", matter, "copy.pdf", PDF);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().path("code").asString()).isEqualTo("DUPLICATE");
    assertThat(attach("xinhua.admin", matter, "x.png", PNG).status()).isEqualTo(404);
    assertThat(attach("baishalu.admin", matter, "x.png", PNG).status()).isEqualTo(403);
    assertThat(Rows.count("SELECT count(*) FROM rg.matter_attachment")).isEqualTo(before + 1);

    String closed = desk.at("CLOSED", "已关闭的事项");
    assertThat(attach("baiguoshu.resident", closed, "late.png", PNG).status()).isEqualTo(409);
  }

  private HttpJson.Response attach(String user, String matter, String name, byte[] content) {
    return Uploads.post(port, "/matter-attachments", user, Map.of("matter", matter), name, content);
  }

  private HttpResponse<byte[]> get(String url, String user) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            user == null
                ? HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + url)).build()
                : HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + url))
                    .header("Authorization", "Bearer " + Tokens.of(user))
                    .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] png() {
    byte[] bytes =
        Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 64);
    Arrays.fill(bytes, 8, 64, (byte) 7);
    return bytes;
  }
}
