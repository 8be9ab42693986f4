package org.redgovernance.endtoend;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.redgovernance.keycloak.RealmDefinition;
import org.redgovernance.testing.TestStack;

/**
 * Someone new registering an account on Keycloak's own registration page, as an invited person
 * without an account does before accepting: the page is fetched and its form posted over HTTP,
 * cookies and all, just as a browser would, in the authorization-code flow with PKCE that the web
 * client requires; the code Keycloak redirects with is exchanged for the new account's tokens.
 */
final class Registration {

  private static final Pattern FORM_ACTION =
      Pattern.compile("<form[^>]*id=\"kc-register-form\"[^>]*action=\"([^\"]+)\"");
  private static final String REDIRECT = "http://localhost:5173/";

  private Registration() {}

  /**
   * Registers the account and returns its first access token; fails with the page's text when
   * Keycloak refuses it.
   */
  static String register(String username, String password, String firstName, String lastName) {
    String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
    String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
    Browser browser = new Browser();
    String page =
        get(
                browser,
                URI.create(
                    TestStack.get().issuer()
                        + "/protocol/openid-connect/registrations?client_id="
                        + RealmDefinition.WEB_CLIENT
                        + "&response_type=code&scope=openid&code_challenge_method=S256"
                        + "&code_challenge="
                        + challenge
                        + "&redirect_uri="
                        + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)))
            .body();
    Matcher action = FORM_ACTION.matcher(page);
    if (!action.find()) {
      throw new IllegalStateException("No registration form: registration is off?\n" + page);
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("username", username);
    form.put("firstName", firstName);
    form.put("lastName", lastName);
    form.put("email", "");
    form.put("password", password);
    form.put("password-confirm", password);
    HttpResponse<String> registered =
        send(
            browser,
            HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form.entrySet().stream()
                            .map(
                                field ->
                                    field.getKey()
                                        + "="
                                        + URLEncoder.encode(
                                            field.getValue(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("&")))));
    String location = registered.headers().firstValue("Location").orElse("");
    Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
    if (registered.statusCode() != 302 || !location.startsWith(REDIRECT) || !code.find()) {
      throw new IllegalStateException(
          "Keycloak refused the registration: " + registered.statusCode() + registered.body());
    }
    String tokens =
        send(
                browser,
                HttpRequest.newBuilder(URI.create(TestStack.get().tokenEndpoint()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "grant_type=authorization_code&client_id="
                                + RealmDefinition.WEB_CLIENT
                                + "&code="
                                + code.group(1)
                                + "&code_verifier="
                                + verifier
                                + "&redirect_uri="
                                + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8))))
            .body();
    Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(tokens);
    if (!token.find()) {
      throw new IllegalStateException("No token for the new account: " + tokens);
    }
    return token.group(1);
  }

  private static byte[] random(int bytes) {
    byte[] value = new byte[bytes];
    new SecureRandom().nextBytes(value);
    return value;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A GET that follows redirects as a browser does (the client itself follows none). */
  private static HttpResponse<String> get(Browser browser, URI uri) {
    HttpResponse<String> response = send(browser, HttpRequest.newBuilder(uri).GET());
    for (int hop = 0; hop < 5 && response.statusCode() / 100 == 3; hop++) {
      URI next = uri.resolve(response.headers().firstValue("Location").orElseThrow());
      if (next.toString().startsWith(REDIRECT)) {
        throw new IllegalStateException("Keycloak sent the browser back: " + next);
      }
      response = send(browser, HttpRequest.newBuilder(next).GET());
      uri = next;
    }
    return response;
  }

  private static HttpResponse<String> send(Browser browser, HttpRequest.Builder request) {
    return browser.send(request);
  }

  /**
   * The little of a browser this needs: no redirects followed by itself, and every cookie kept and
   * sent back to the one server it talks to — Secure ones included, as browsers do for 127.0.0.1
   * and localhost, which count as secure origins.
   */
  private static final class Browser {

    private final HttpClient http =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    HttpResponse<String> send(HttpRequest.Builder request) {
      if (!cookies.isEmpty()) {
        request.header(
            "Cookie",
            cookies.entrySet().stream()
                .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                .collect(Collectors.joining("; ")));
      }
      try {
        HttpResponse<String> response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("Set-Cookie")) {
          String pair = set.split(";", 2)[0];
          int equals = pair.indexOf('=');
          String name = pair.substring(0, equals).strip();
          String value = pair.substring(equals + 1).strip();
          if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
            cookies.remove(name);
          } else {
            cookies.put(name, value);
          }
        }
        return response;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
