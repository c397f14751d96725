package cn.credit.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.user.Role;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The access table ({@link AccessRules}) against the running app: every mapped endpoint has a
 * declared rule (so a new endpoint without one breaks the build), and each rule holds for each
 * role, anonymous included: those it allows are never refused by the security layer, the others are.
 */
@RunningAppTest
class AccessTableTest {

  /** One person per role, and nobody. */
  static final Map<String, Set<Role>> PEOPLE = new LinkedHashMap<>();

  static {
    PEOPLE.put("anonymous", null);
    PEOPLE.put("applicant.a", EnumSet.of(Role.APPLICANT));
    PEOPLE.put("reviewer.ecology", EnumSet.of(Role.REVIEWER));
    PEOPLE.put("leader.ecology", EnumSet.of(Role.LEADER));
    PEOPLE.put("leader.city", EnumSet.of(Role.CITY_LEADER));
    PEOPLE.put("admin", EnumSet.of(Role.ADMIN));
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  record Endpoint(HttpMethod method, String pattern) {
    String path() {
      return pattern.replaceAll("\\{[^}]+}", "0").replace("/**", "/x");
    }
  }

  @Test
  void everyMappedEndpointHasADeclaredRule() {
    List<Endpoint> endpoints = endpoints();
    assertThat(endpoints).as("the handler mappings were read").hasSizeGreaterThan(60);
    List<String> without = endpoints.stream().filter(e -> rule(e).isEmpty())
        .map(e -> e.method() + " " + e.pattern()).toList();
    assertThat(without).as("endpoints with no rule in AccessRules.TABLE").isEmpty();
  }

  @Test
  void eachRuleHoldsForEachRole() throws Exception {
    Map<String, SessionClient> sessions = new LinkedHashMap<>();
    for (String person : PEOPLE.keySet()) {
      sessions.put(person, SessionClient.as(port, person.equals("anonymous") ? null : person, "demo"));
    }
    List<String> wrong = new ArrayList<>();
    int requests = 0;
    for (Endpoint endpoint : endpoints()) {
      AccessRules.Rule rule = rule(endpoint).orElseThrow();
      for (var person : PEOPLE.entrySet()) {
        boolean allowed = rule.allows(person.getValue());
        HttpResponse<String> response = call(sessions.get(person.getKey()), endpoint);
        requests++;
        boolean refused = refusedBySecurity(response);
        if (allowed == refused) {
          wrong.add(endpoint.method() + " " + endpoint.path() + " as " + person.getKey() + ": "
              + (allowed ? "allowed by the table" : "refused by the table") + ", got " + response.statusCode()
              + response.headers().firstValue("Location").map(l -> " → " + l).orElse(""));
        }
      }
    }
    System.out.println("Access table: " + endpoints().size() + " endpoints × " + PEOPLE.size() + " roles, "
        + requests + " requests");
    assertThat(wrong).isEmpty();
  }

  /** 401, a redirect to the sign-in page, or 403 from the security layer (its JSON or the error page). */
  private static boolean refusedBySecurity(HttpResponse<String> response) {
    int status = response.statusCode();
    return status == 401 || status == 403
        || status == 302 && response.headers().firstValue("Location").orElse("").endsWith("/login");
  }

  private HttpResponse<String> call(SessionClient session, Endpoint endpoint) throws Exception {
    String path = endpoint.path();
    boolean api = path.startsWith("/api/") || path.startsWith("/actuator");
    return switch (endpoint.method().name()) {
      case "GET" -> session.get(path);
      default -> api ? session.send(endpoint.method().name(), path, "application/json", "{}")
          : session.form(endpoint.method().name(), path, "");
    };
  }

  private Optional<AccessRules.Rule> rule(Endpoint endpoint) {
    AntPathMatcher matcher = new AntPathMatcher();
    return AccessRules.TABLE.stream()
        .filter(r -> r.method() == null || r.method().equals(endpoint.method()))
        .filter(r -> r.patterns().stream().anyMatch(p -> matcher.match(p, endpoint.path())))
        .findFirst();
  }

  private List<Endpoint> endpoints() {
    Set<String> seen = new TreeSet<>();
    List<Endpoint> endpoints = new ArrayList<>();
    for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
      for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        for (String pattern : info.getPatternValues()) {
          for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
            if (seen.add(method + " " + pattern)) {
              endpoints.add(new Endpoint(HttpMethod.valueOf(method.name()), pattern));
            }
          }
        }
      }
    }
    return endpoints;
  }
}
