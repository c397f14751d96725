package cn.credit.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.repair.RepairRequest;
import cn.credit.workflow.repair.RepairService;
import cn.credit.workflow.user.AppUserRepository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Hostile input on every endpoint the application maps, for every method, in path variables,
 * query parameters, form fields, JSON bodies and multipart bodies, as anonymous and as demo users
 * (sessions with their CSRF token, and HTTP Basic): whatever comes in, the answer is never a 5xx,
 * and no line break sent in reaches the log as a line of its own.
 *
 * <p>The values are refused by design, so nothing other tests rely on changes: the known-good ids
 * it puts into paths are those of its own case (applicant.b's, worked by the safety department),
 * and it signs in with correct passwords only (accounts lock after wrong ones). Deterministic: a
 * fixed list, each user's part of it sent in a fixed order, over plain sockets, which let it send
 * what an HTTP client would refuse to (%zz, a lone %, overlong UTF-8).
 */
@RunningAppTest
@ExtendWith(OutputCaptureExtension.class)
class HostileInputTest {

  private static final String FORGED = "FORGED-LOG-LINE";
  private static final String APPLICANT = "applicant.b";
  private static final String REVIEWER = "reviewer.safety";
  private static final String LEADER = "leader.safety";
  private static final String ADMIN = "admin";
  private static final String HUGE = "信用x".repeat(34_000); // 102,000 characters, 238 KB in UTF-8
  private static final String LONG = "x".repeat(4_000); // what still fits in a request line

  /** Text where something else is expected; URL-encoded in URLs and form bodies. */
  private static final List<String> TEXT = List.of("", " ", "abc", "-1", "1.5", "99999999999999999999",
      "+999999999-12-31", "0000-01-01", "2026-02-30", "\u0000", "\r\n" + FORGED, "<script>alert(1)</script>",
      "' OR '1'='1", "../../etc/passwd", "null", "\uD800", "\u202Eevil", "\uD840\uDC00", LONG);

  /** Escapes and path tricks put into a URL as they are: invalid escapes, overlong UTF-8, NUL, dot segments. */
  private static final List<String> RAW = List.of("%00", "%0d%0a" + FORGED, "%zz", "%", "%c0%af", "%e0%80%af",
      "%ed%a0%80", "%ff", "%2e%2e", "%2f", "%5c", ";x=y", "..", "%25");

  /** The escapes of {@link #RAW} that mean something in a parameter's value rather than in a path. */
  private static final List<String> RAW_VALUES = List.of("%00", "%0d%0a" + FORGED, "%zz", "%", "%c0%af", "%ed%a0%80");

  /** What is tried on a path variable beside {@link #RAW}, and in a form's field, URL-encoded. */
  private static final List<String> PATH_TEXT = List.of("", "abc", "-1", "99999999999999999999", "\u0000",
      "\r\n" + FORGED, "\uD800", "../../etc/passwd", LONG);

  /** A JSON value for one field of a body. */
  private static final List<String> JSON_VALUES = List.of("\"abc\"", "1.5", "-1", "99999999999999999999", "1e400",
      "true", "[]", "{}", "null", "[null]", "\"\\u0000\"", "\"\\r\\n" + FORGED + "\"", "\"+999999999-12-31\"",
      "\"0000-01-01\"", "\"\\ud800\"", "[{}]", "[{\"date\":\"+999999999-12-31\",\"kind\":\"OFF\",\"name\":\"x\"}]",
      "\"" + HUGE + "\"");

  /** Whole bodies that are not JSON, or JSON of the wrong shape. */
  private static final List<String> JSON_BODIES = List.of("", "{", "{\"a\":", "[", "nul", "\u0000", "[]", "\"text\"",
      "123", "null", "{\"a\":{\"b\":[[[[[[[[]]]]]]]]}}", "{\"x\":\"\\ud800\"}", "\uFEFF{}", "{}{}");

  /** Pages of each kind (public, each role's, the API, the error page) that get every hostile ?lang=. */
  private static final Set<String> LANGUAGE_PAGES = Set.of("/", "/public", "/portal", "/tasks/{id}", "/oversight",
      "/admin/calendar", "/api/records", "/error");

  /** Form fields of the task forms, for handlers that take every field as a map. */
  private static final List<String> TASK_FIELDS = List.of("acceptOutcome", "decision", "outcome", "reasons",
      "correctedDecisionDate", "correctedTermEndDate", "assistDepartment", "signatoryName", "accepted");

  @LocalServerPort int port;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  @Autowired RecordService recordService;
  @Autowired RepairService repairs;
  @Autowired DepartmentRepository departments;
  @Autowired AppUserRepository users;
  @Autowired TaskService taskService;
  @Autowired TransactionTemplate tx;

  private final Map<String, Session> sessions = new LinkedHashMap<>();
  private final List<Request> requests = new ArrayList<>();
  private Map<String, String> known;

  @Test
  void noInputOnAnyEndpointGetsA5xx(CapturedOutput output) throws Exception {
    known = ownCase();
    for (String user : List.of("", APPLICANT, REVIEWER, LEADER, ADMIN)) {
      sessions.put(user, Session.open(port, user));
    }
    List<Endpoint> endpoints = endpoints();
    endpoints.forEach(this::fuzz);
    engineAndWebapps();

    // each user's requests in their order, the users side by side: the server has more than one thread
    long start = System.nanoTime();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    Map<Integer, Integer> statuses = new ConcurrentSkipListMap<>();
    Map<String, List<Request>> byUser = requests.stream().collect(Collectors.groupingBy(Request::user,
        LinkedHashMap::new, Collectors.toList()));
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (List<Request> ofUser : byUser.values()) {
        running.add(pool.submit(() -> ofUser.forEach(request -> {
          try {
            int status = request.send(port, sessions);
            statuses.merge(status, 1, Integer::sum);
            if (status >= 500) {
              failures.add(status + " " + request);
            }
          } catch (IOException e) {
            failures.add("no answer (" + e.getMessage() + ") " + request);
          }
        })));
      }
      for (Future<?> done : running) {
        done.get();
      }
    } finally {
      pool.shutdown();
    }
    System.out.printf("Hostile input: %d requests to %d endpoints in %.1f s, %d answered 5xx; by status %s%n",
        requests.size(), endpoints.size(), (System.nanoTime() - start) / 1e9, failures.size(), statuses);
    assertThat(failures).as("requests answered with a 5xx (or not at all)").isEmpty();
    assertThat(output.getAll().lines().filter(line -> line.startsWith(FORGED)))
        .as("a line break sent in became a log line of its own").isEmpty();
  }

  /** A case of applicant.b's waiting for the safety department: its ids go into paths as known-good values. */
  private Map<String, String> ownCase() {
    Long recordId = tx.execute(s -> recordService.publish(new RecordFacts(
        users.findById(APPLICANT).orElseThrow().getEntity(), departments.getReferenceById("safety"),
        RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL, "济应急罚〔2026〕F" + System.nanoTime() % 100000 + "号",
        "未按规定开展安全培训", "罚款", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(200), null, Set.of()),
        "test").getId());
    RepairRequest request = repairs.file(APPLICANT, recordId, "已整改");
    repairs.sign(request.getId(), APPLICANT, "李惠民", true);
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(request.getCaseRef()).singleResult().getId();
    return Map.of("recordId", recordId.toString(), "repairId", request.getId().toString(), "caseRef",
        request.getCaseRef(), "taskId", taskId, "uscc", users.findById(APPLICANT).orElseThrow().getEntity().getUscc());
  }

  /**
   * One hostile value at a time. A GET gets the endpoint's other parameters with plausible values,
   * so that the hostile one is the one looked at; anything else gets only the hostile value, so
   * that nothing is ever done for real.
   */
  private void fuzz(Endpoint e) {
    String user = e.user();
    boolean get = "GET".equals(e.method());
    boolean takesInput = !e.params().isEmpty() || e.body() != null || e.multipart();
    // known-good ids only where what is sent is refused anyway: a withdraw with the own case's id would withdraw it
    Map<String, String> good = get || takesInput ? known : Map.of();
    String path = e.path(null, null, good);
    String plausible = get ? e.plausibleQuery(null) : "";
    for (String variable : e.variables()) {
      List<String> values = new ArrayList<>(RAW);
      PATH_TEXT.forEach(t -> values.add(encode(t)));
      for (int i = 0; i < values.size(); i++) {
        String hostile = e.path(variable, values.get(i), good) + query(plausible);
        add(user, e.method(), hostile, null, null, "path " + variable);
        if (i < 2 && !user.isEmpty()) {
          add("", e.method(), hostile, null, null, "path " + variable);
        }
      }
    }
    for (String tricked : List.of(path.replaceFirst("^(/[^/]+)", "$1;x=y"), "/api/%2e%2e" + path, "/" + path,
        path + "/..;/", path.replace("/", "/./"))) {
      add(user, e.method(), tricked, null, null, "path trick");
    }
    List<String> params = new ArrayList<>(e.params().keySet());
    if (get && LANGUAGE_PAGES.contains(e.pattern())) {
      params.add("lang"); // every page reads it: one of each kind is enough
    }
    for (String param : params) {
      List<String> values = new ArrayList<>();
      // a refused form comes back as its page, which costs: fewer of the same kind there
      (get ? TEXT : PATH_TEXT).forEach(t -> values.add(encode(t)));
      values.addAll(RAW_VALUES);
      if (!get) {
        List.of("+999999999-12-31", "0000-01-01", HUGE).forEach(t -> values.add(encode(t)));
      }
      for (int i = 0; i < values.size(); i++) {
        String pair = param + "=" + values.get(i);
        if (get || e.body() != null) {
          String others = get ? e.plausibleQuery(param) : "";
          add(user, e.method(), path + "?" + (others.isEmpty() ? "" : others + "&") + pair, null, null,
              "parameter " + param);
        } else {
          add(user, e.method(), path, "application/x-www-form-urlencoded", pair, "field " + param);
        }
        if (i < 2 && !user.isEmpty()) {
          add("", e.method(), path + "?" + pair, null, null, "parameter " + param);
        }
      }
    }
    if (get) {
      for (String cookie : List.of("%00", "en/x")) {
        requests.add(new Request(user, e.method(), path + query(plausible), null, null, "lang cookie " + cookie,
            "lang=" + cookie));
      }
    }
    if (e.body() != null) {
      for (String body : JSON_BODIES) {
        add(user, e.method(), path, "application/json", body, "JSON body");
      }
      for (String field : e.body()) {
        for (String value : JSON_VALUES) {
          add(user, e.method(), path, "application/json", "{\"" + field + "\":" + value + "}", "JSON " + field);
        }
      }
      add(user, e.method(), path, "text/plain", "{}", "JSON as text/plain");
      add("", e.method(), path, "application/json", "{", "JSON body");
    }
    if (!get) {
      for (Map.Entry<String, String> multipart : multipartBodies().entrySet()) {
        boolean noBoundary = multipart.getKey().startsWith("no boundary");
        if (e.multipart() || noBoundary || multipart.getKey().startsWith("NUL")) {
          add(user, e.method(), path, noBoundary ? "multipart/form-data" : "multipart/form-data; boundary=B0UND",
              multipart.getValue(), "multipart: " + multipart.getKey());
        }
      }
    }
    // over HTTP Basic too, once per endpoint and user: a password check costs
    if (!user.isEmpty()) {
      String first = e.variables().isEmpty() ? null : e.variables().get(0);
      add("basic:" + user, e.method(), e.path(first, "%00", good) + query(plausible), null, null, "path " + first);
    }
  }

  private static String query(String query) {
    return query.isEmpty() ? "" : "?" + query;
  }

  /** A handful to the engine's REST API and the Camunda webapps, which are not MVC handlers. */
  private void engineAndWebapps() {
    for (String path : List.of("/engine-rest;x=y/engine", "/api/%2e%2e/engine-rest/engine", "//engine-rest/engine",
        "/engine-rest/engine/%00", "/engine-rest/task?maxResults=%zz", "/engine-rest/task?sortBy=%0d%0a" + FORGED,
        "/engine-rest/process-definition/key/%c0%af/start", "/camunda;x=y/app/", "/camunda/%2e%2e/engine-rest/engine",
        "/camunda/app/%00", "/camunda/api/engine/engine/%ff", "/camunda/app/cockpit/default/?lang=%0d%0a" + FORGED)) {
      add("", "GET", path, null, null, "engine");
      add(ADMIN, "GET", path, null, null, "engine");
    }
    add(ADMIN, "POST", "/engine-rest/task/%00/complete", "application/json", "{", "engine");
    add(ADMIN, "POST", "/engine-rest/deployment/create", "multipart/form-data; boundary=B0UND", "--B0UND\r\nbroken",
        "engine");
  }

  private void add(String user, String method, String target, String contentType, String body, String what) {
    requests.add(new Request(user, method, target, contentType, body, what, null));
  }

  private static Map<String, String> multipartBodies() {
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("no boundary", "--x\r\nContent-Disposition: form-data; name=\"proof\"\r\n\r\nx\r\n--x--\r\n");
    bodies.put("NUL in a file name", part("files", "a\u0000b.pdf", "%PDF-1.4") + "--B0UND--\r\n");
    bodies.put("another boundary", "--OTHER\r\nContent-Disposition: form-data; name=\"proof\"\r\n\r\nx\r\n--OTHER--\r\n");
    bodies.put("cut short", "--B0UND\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.pdf\"\r\n\r\n%PDF");
    bodies.put("line break in a file name", part("files", "a\r\n" + FORGED + ".pdf", "%PDF-1.4") + "--B0UND--\r\n");
    bodies.put("path in a file name", part("files", "../../etc/passwd.pdf", "%PDF-1.4") + "--B0UND--\r\n");
    bodies.put("no part headers", "--B0UND\r\n\r\nx\r\n--B0UND--\r\n");
    bodies.put("huge field", "--B0UND\r\nContent-Disposition: form-data; name=\"proof\"\r\n\r\n" + HUGE
        + "\r\n--B0UND--\r\n");
    return bodies;
  }

  private static String part(String field, String fileName, String content) {
    return "--B0UND\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n";
  }

  private static String shortened(String text) {
    return text.length() > 120 ? text.substring(0, 120) + "…(" + text.length() + " characters)" : text;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Every mapped handler and method, in a fixed order, with the user who works there ("" for anonymous). */
  private List<Endpoint> endpoints() {
    List<Endpoint> endpoints = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
      Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
      for (String pattern : entry.getKey().getPatternValues()) {
        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
          endpoints.add(Endpoint.of(pattern, method.name(), entry.getValue()));
        }
      }
    }
    endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
    return endpoints;
  }

  /** One request, sent exactly as written: as anonymous or a signed-in user (with the session's CSRF token), or over Basic. */
  record Request(String user, String method, String target, String contentType, String body, String what,
      String cookie) {

    int send(int port, Map<String, Session> sessions) throws IOException {
      boolean basic = user.startsWith("basic:");
      StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
          .append("Host: localhost:").append(port)
          .append("\r\nConnection: close\r\nAccept: text/html,application/json\r\n");
      if (basic) {
        head.append("Authorization: Basic ").append(Base64.getEncoder().encodeToString(
            (user.substring("basic:".length()) + ":demo").getBytes(StandardCharsets.UTF_8))).append("\r\n");
      } else {
        Session session = sessions.get(user);
        head.append("Cookie: JSESSIONID=").append(session.cookie()).append(cookie == null ? "" : "; " + cookie)
            .append("\r\nX-CSRF-TOKEN: ").append(session.csrf()).append("\r\n");
      }
      byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      if (contentType != null) {
        head.append("Content-Type: ").append(contentType).append("\r\n");
      }
      if (body != null || !"GET".equals(method)) {
        head.append("Content-Length: ").append(content.length).append("\r\n");
      }
      return Raw.send(port, head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1), content);
    }

    @Override
    public String toString() {
      return method + " " + shortened(target) + " as " + (user.isEmpty() ? "anonymous" : user) + " (" + what + ")";
    }
  }

  /** One handler and method: its path variables, the parameters it reads, the fields of its JSON body. */
  record Endpoint(String pattern, String method, String user, List<String> variables, Map<String, Class<?>> params,
      List<String> body, boolean multipart) {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)[^}]*}");

    static Endpoint of(String pattern, String method, HandlerMethod handler) {
      List<String> variables = new ArrayList<>();
      Matcher m = VARIABLE.matcher(pattern);
      while (m.find()) {
        variables.add(m.group(1));
      }
      Map<String, Class<?>> params = new LinkedHashMap<>();
      List<String> body = null;
      boolean multipart = false;
      for (Parameter parameter : handler.getMethod().getParameters()) {
        RequestParam requestParam = parameter.getAnnotation(RequestParam.class);
        Class<?> type = parameter.getType();
        if (requestParam != null && Map.class.isAssignableFrom(type)) {
          TASK_FIELDS.forEach(field -> params.put(field, String.class));
        } else if (requestParam != null && parameter.getParameterizedType().getTypeName().contains(
            MultipartFile.class.getName())) {
          multipart = true;
        } else if (requestParam != null) {
          params.put(requestParam.name().isEmpty() ? parameter.getName() : requestParam.name(), type);
        } else if (parameter.isAnnotationPresent(RequestBody.class)) {
          body = type.isRecord() ? Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList()
              : TASK_FIELDS;
        } else if (type.isRecord() && !parameter.isAnnotationPresent(PathVariable.class)) {
          Arrays.stream(type.getRecordComponents()).forEach(c -> params.put(c.getName(), c.getType()));
        }
      }
      return new Endpoint(pattern, method, userFor(pattern), variables, params, body, multipart);
    }

    /** Every parameter but {@code except}, each with a value of its type: the query of a GET that is otherwise fine. */
    String plausibleQuery(String except) {
      return params.entrySet().stream().filter(p -> !p.getKey().equals(except))
          .map(p -> p.getKey() + "=" + plausible(p.getValue())).collect(Collectors.joining("&"));
    }

    private static String plausible(Class<?> type) {
      if (type.isEnum()) {
        return type.getEnumConstants()[0].toString();
      }
      return switch (type.getSimpleName()) {
        case "int", "Integer", "long", "Long" -> "1";
        case "boolean", "Boolean" -> "false";
        case "LocalDate" -> "2026-09-30";
        default -> "x";
      };
    }

    /** The user whose pages these are; "" for public ones. */
    private static String userFor(String pattern) {
      if (pattern.startsWith("/portal") || pattern.startsWith("/api/repair-requests") || pattern.startsWith("/api/disputes")
          || pattern.startsWith("/api/records") || pattern.startsWith("/repair-requests") || pattern.startsWith("/disputes")) {
        return APPLICANT;
      }
      if (pattern.startsWith("/oversight") || pattern.startsWith("/api/cases") || pattern.startsWith("/api/supervision")
          || pattern.endsWith("/urge")) {
        return LEADER;
      }
      if (pattern.startsWith("/tasks") || pattern.startsWith("/cases") || pattern.startsWith("/api/tasks")
          || pattern.startsWith("/attachments") || pattern.equals("/home")) {
        return REVIEWER;
      }
      if (pattern.startsWith("/admin") || pattern.startsWith("/api/admin")) {
        return ADMIN;
      }
      return "";
    }

    /** The path with {@code variable} set to {@code value} (as it is) and the others known-good or harmless. */
    String path(String variable, String value, Map<String, String> known) {
      Matcher m = VARIABLE.matcher(pattern);
      StringBuilder path = new StringBuilder();
      while (m.find()) {
        String name = m.group(1);
        m.appendReplacement(path, Matcher.quoteReplacement(name.equals(variable) ? value : knownValue(name, known)));
      }
      m.appendTail(path);
      return path.toString().replace("/**", "/x");
    }

    private String knownValue(String name, Map<String, String> known) {
      String value = switch (name) {
        case "caseRef", "taskId", "uscc" -> known.get(name);
        case "year" -> "2099";
        case "id" -> pattern.startsWith("/portal/records") ? known.get("recordId")
            : pattern.contains("repair") ? known.get("repairId")
            : pattern.contains("tasks") ? known.get("taskId") : null;
        default -> null;
      };
      return value == null ? "0" : value;
    }
  }

  /** A signed-in session (anonymous: one that only has a CSRF token) with the token its forms carry. */
  record Session(String cookie, String csrf) {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("JSESSIONID=([^;\\s]+)");

    static Session open(int port, String user) throws IOException {
      Raw.Response login = Raw.exchange(port, "GET /login HTTP/1.1\r\n", "", null);
      String cookie = find(COOKIE, login.head());
      String csrf = find(TOKEN, login.body());
      if (user.isEmpty()) {
        return new Session(cookie, csrf);
      }
      String form = "username=" + encode(user) + "&password=demo&_csrf=" + encode(csrf);
      Raw.Response signedIn = Raw.exchange(port, "POST /login HTTP/1.1\r\n", "Cookie: JSESSIONID=" + cookie
          + "\r\nContent-Type: application/x-www-form-urlencoded\r\n", form);
      assertThat(signedIn.head()).as(user + " signs in").startsWith("HTTP/1.1 302").doesNotContain("error");
      cookie = find(COOKIE, signedIn.head());
      Raw.Response home = Raw.exchange(port, "GET / HTTP/1.1\r\n", "Cookie: JSESSIONID=" + cookie + "\r\n", null);
      return new Session(cookie, find(TOKEN, home.body()));
    }

    private static String find(Pattern pattern, String text) {
      Matcher m = pattern.matcher(text);
      assertThat(m.find()).as(pattern + " in " + shortened(text)).isTrue();
      return m.group(1);
    }
  }

  /** HTTP/1.1 over a plain socket, one request a connection: sends bytes exactly as given. */
  static final class Raw {

    record Response(String head, String body) {}

    static int send(int port, byte[] head, byte[] body) throws IOException {
      try (Socket socket = new Socket("localhost", port)) {
        socket.setSoTimeout(60_000);
        OutputStream out = socket.getOutputStream();
        out.write(head);
        out.write(body);
        out.flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
          line.write(b);
        }
        String status = line.toString(StandardCharsets.ISO_8859_1);
        if (!status.startsWith("HTTP/1.1 ")) {
          throw new IOException("no status line: '" + status + "'");
        }
        in.transferTo(OutputStream.nullOutputStream());
        return Integer.parseInt(status.substring(9, 12));
      }
    }

    /** For signing in: the whole answer, its body de-chunked. */
    static Response exchange(int port, String requestLine, String headers, String form) throws IOException {
      try (Socket socket = new Socket("localhost", port)) {
        socket.setSoTimeout(60_000);
        byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
        String head = requestLine + "Host: localhost:" + port + "\r\nConnection: close\r\nAccept: text/html\r\n" + headers
            + (form == null ? "" : "Content-Length: " + body.length + "\r\n") + "\r\n";
        socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().write(body);
        byte[] answer = socket.getInputStream().readAllBytes();
        int end = new String(answer, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n");
        String responseHead = new String(answer, 0, end, StandardCharsets.ISO_8859_1);
        int at = end + 4;
        if (!responseHead.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
          return new Response(responseHead, new String(answer, at, answer.length - at, StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        while (true) {
          int lineEnd = at;
          while (answer[lineEnd] != '\r') {
            lineEnd++;
          }
          int size = Integer.parseInt(new String(answer, at, lineEnd - at, StandardCharsets.ISO_8859_1).strip(), 16);
          if (size == 0) {
            return new Response(responseHead, content.toString(StandardCharsets.UTF_8));
          }
          content.write(answer, lineEnd + 2, size);
          at = lineEnd + 2 + size + 2;
        }
      }
    }
  }
}
