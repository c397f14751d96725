package cn.credit.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/** A small browser/API client for tests against the running app: keeps cookies, never follows redirects. */
public class HttpTestClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** How long a test waits for the app's asynchronous steps (job executor, mail) to get somewhere. */
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final int port;
  /** The Accept-Language every request sends, or null: the API answers in it (ADR 5). */
  private final String language;
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();

  public HttpTestClient(int port) {
    this(port, null);
  }

  /** A client that asks the API for answers in {@code language} ("en"), as an API client would. */
  public HttpTestClient(int port, String language) {
    this.port = port;
    this.language = language;
  }

  /** GET, with HTTP Basic as {@code user} (password "demo") unless user is null. */
  public HttpResponse<String> get(String path, String user, String accept) throws Exception {
    return send(request(path, user).header("Accept", accept).GET());
  }

  public HttpResponse<String> postJson(String path, String user, String json) throws Exception {
    return send(request(path, user).header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  /** Posts a form the way the page at {@code formPage} would, with that page's CSRF token; session cookies are used. */
  public HttpResponse<String> postForm(String formPage, String action, String... namesAndValues) throws Exception {
    StringBuilder form = new StringBuilder("_csrf=").append(URLEncoder.encode(csrfOf(formPage), StandardCharsets.UTF_8));
    for (int i = 0; i < namesAndValues.length; i += 2) {
      form.append('&').append(namesAndValues[i]).append('=')
          .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
    }
    return send(request(action, null).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
  }

  /** Posts a form exactly as given: no CSRF token is added. The session cookie is used. */
  public HttpResponse<String> postRaw(String action, String... namesAndValues) throws Exception {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      form.append(i == 0 ? "" : "&").append(namesAndValues[i]).append('=')
          .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
    }
    return send(request(action, null).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
  }

  /** Posts a multipart form as the page at {@code formPage} would (with its CSRF token): text fields, then one file. */
  public HttpResponse<String> postMultipart(String formPage, String action, String fileName, byte[] file,
      String... namesAndValues) throws Exception {
    String boundary = "----test" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    java.util.List<String> fields = new java.util.ArrayList<>(java.util.List.of(namesAndValues));
    fields.add("_csrf");
    fields.add(csrfOf(formPage));
    for (int i = 0; i < fields.size(); i += 2) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields.get(i) + "\"\r\n\r\n"
          + fields.get(i + 1) + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(file);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(request(action, null).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /**
   * POSTs multipart/form-data to an API path with HTTP Basic as {@code user}: the text fields, then
   * {@code file} (null for none) as the part {@code files} named {@code fileName}; JSON accepted.
   */
  public HttpResponse<String> postMultipartApi(String path, String user, String fileName, byte[] file,
      String... namesAndValues) throws Exception {
    String boundary = "----api" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + namesAndValues[i] + "\"\r\n\r\n"
          + namesAndValues[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    if (file != null) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
          + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.write(file);
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(path, user, r -> r.header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** The CSRF token the page's forms carry, for this client's session. */
  public String csrfOf(String page) throws Exception {
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(page, null, "text/html").body());
    assertThat(csrf.find()).as(page + " carries a CSRF token").isTrue();
    return csrf.group(1);
  }

  /** A request the other methods do not write (headers, raw bodies), with this client's cookies and Basic as {@code user}. */
  public HttpResponse<String> send(String path, String user, UnaryOperator<HttpRequest.Builder> details) throws Exception {
    return send(details.apply(request(path, user)));
  }

  public HttpResponse<String> delete(String path, String user) throws Exception {
    return send(request(path, user).header("Accept", "application/json").DELETE());
  }

  /** GETs the JSON at {@code path} as {@code user} (each answer a 200) until {@code done} holds for it. */
  public JsonNode awaitJson(String path, String user, Predicate<JsonNode> done) {
    return Awaitility.await(path + " for " + user).atMost(PATIENCE).pollDelay(Duration.ZERO)
        .until(() -> json(get(path, user, "application/json")), done);
  }

  /** The user's task of this case at this step in /api/tasks, once asynchronous steps have got it there. */
  public JsonNode awaitTask(String user, long caseId, String step) {
    return Awaitility.await("task " + step + " of case " + caseId + " for " + user).atMost(PATIENCE)
        .pollDelay(Duration.ZERO).until(() -> {
          for (JsonNode task : json(get("/api/tasks", user, "application/json"))) {
            if (task.get("caseId").asLong() == caseId && task.get("step").asText().equals(step)) {
              return task;
            }
          }
          return null;
        }, Objects::nonNull);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** A new client with a session of {@code user}, as a browser has after signing in. */
  public static HttpTestClient signedIn(int port, String user) throws Exception {
    HttpTestClient client = new HttpTestClient(port);
    client.signIn(user);
    return client;
  }

  /** Signs in through the login form with its CSRF token, as a browser does; the session cookie is kept. */
  public void signIn(String user) throws Exception {
    HttpResponse<String> response = postForm("/login", "/login", "username", user, "password", "demo");
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
  }

  private HttpRequest.Builder request(String path, String user) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (language != null) {
      request.header("Accept-Language", language);
    }
    if (user != null) {
      String token = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
      request.header("Authorization", "Basic " + token);
    }
    return request;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
