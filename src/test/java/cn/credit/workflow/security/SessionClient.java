package cn.credit.workflow.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like client for the security tests: its own cookies, a CSRF token, any method, any header. */
final class SessionClient {

  private final String base;
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private String csrf;

  SessionClient(int port) {
    this.base = "http://localhost:" + port;
  }

  /** Signed in through the form as {@code user} (password {@code password}), or anonymous with {@code user} null. */
  static SessionClient as(int port, String user, String password) throws Exception {
    SessionClient session = new SessionClient(port);
    session.csrf = session.tokenOf("/login");
    if (user != null) {
      HttpResponse<String> signedIn = session.form("POST", "/login", "username=" + enc(user) + "&password=" + enc(password));
      if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
        throw new IllegalStateException("sign-in of " + user + " failed: " + signedIn.headers().map());
      }
      // a person who must set a new password first reaches only that page
      String token = session.tokenOf("/");
      session.csrf = token != null ? token : session.tokenOf("/account/password");
    }
    return session;
  }

  HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (csrf != null) {
      request.header("X-CSRF-TOKEN", csrf);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> get(String path) throws Exception {
    return send("GET", path, null, null);
  }

  HttpResponse<String> form(String method, String path, String body) throws Exception {
    return send(method, path, "application/x-www-form-urlencoded", body);
  }

  private String tokenOf(String page) throws Exception {
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(page).body());
    return token.find() ? token.group(1) : null;
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
