package cn.credit.workflow.security;

import cn.credit.workflow.user.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * Who may call what: one declared rule per group of endpoints, in the order they are matched
 * (first match wins). The security configuration applies exactly this table, and a test fails
 * when a mapped endpoint has no rule here, so a new endpoint cannot go out without one.
 */
final class AccessRules {

  private AccessRules() {}

  /** {@code roles} empty with {@code open}: anyone, signed in or not; empty without: anyone signed in. */
  record Rule(HttpMethod method, List<String> patterns, boolean open, Set<Role> roles) {
    boolean allows(Set<Role> who) {
      return open || (who != null && (roles.isEmpty() || who.stream().anyMatch(roles::contains)));
    }
  }

  static final Set<Role> STAFF = EnumSet.of(Role.REVIEWER, Role.LEADER, Role.CITY_LEADER, Role.ADMIN);
  static final Set<Role> LEADERS = EnumSet.of(Role.LEADER, Role.CITY_LEADER);
  static final Set<Role> APPLICANTS = EnumSet.of(Role.APPLICANT);
  static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);
  static final Set<Role> DEPARTMENT_STAFF = EnumSet.of(Role.REVIEWER, Role.LEADER);
  static final Set<Role> REGISTRARS = EnumSet.of(Role.REVIEWER, Role.LEADER, Role.ADMIN);

  static final List<Rule> TABLE = List.of(
      open("/", "/login", "/error", "/public/**", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico"),
      open("/actuator/health", "/actuator/health/**", "/actuator/info"),
      open("/api/calendar/due", "/api/calendar/years"),
      open("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"),
      roles(ADMINS, null, "/camunda/**", "/engine-rest/**", "/actuator/**", "/admin/**", "/api/admin/**"),
      roles(APPLICANTS, null, "/portal/**"),
      roles(STAFF, null, "/tasks/**", "/cases/**"),
      roles(LEADERS, null, "/oversight/**"),
      // the JSON API: the same people as the pages, method by method
      roles(APPLICANTS, HttpMethod.POST, "/api/repair-requests", "/api/repair-requests/*/commitment",
          "/api/repair-requests/*/withdraw", "/api/disputes", "/api/disputes/*/commitment"),
      roles(APPLICANTS, HttpMethod.GET, "/api/repair-requests", "/api/repair-requests/*/commitment", "/api/disputes",
          "/api/disputes/*/commitment"),
      roles(STAFF, HttpMethod.POST, "/api/repair-requests/*/breach"),
      // bankruptcy shielding (令 36 art. 20): filed by the entity's applicant, no commitment to sign
      roles(APPLICANTS, null, "/api/shieldings", "/api/shieldings/*/commitment"),
      roles(LEADERS, null, "/api/tasks/*/urge", "/api/cases/*/supervision", "/api/supervision"),
      roles(STAFF, null, "/api/tasks", "/api/tasks/**"),
      // records from the departments, their own (the service answers 404 for another's); entities by the
      // credit office and administrators (404 for other departments). Not "/api/records/**": it would
      // take in GET /api/records, the applicants' list
      roles(DEPARTMENT_STAFF, null, "/records", "/records/**", "/api/records/*", "/api/records/*/*"),
      roles(DEPARTMENT_STAFF, HttpMethod.POST, "/api/records"),
      roles(REGISTRARS, null, "/entities", "/entities/**", "/api/entities", "/api/entities/**"),
      // whoever may see the case: the service decides (the applicant's entity, the departments concerned)
      signedIn("/api/records", "/api/repair-requests/*", "/api/disputes/*", "/attachments/*",
          "/repair-requests/*/letter", "/repair-requests/*/letter.pdf", "/disputes/*/reply", "/home", "/account/**"),
      signedIn("/api/shieldings/*", "/shieldings/*/letter"),
      // a revoked or changed decision (令 36 art. 19): reported by the entity's applicant or the credit
      // office (the service refuses anyone else, 403), seen by whoever may see the case
      signedIn("/api/revocations", "/api/revocations/*", "/api/revocations/*/commitment"));

  private static Rule open(String... patterns) {
    return new Rule(null, List.of(patterns), true, Set.of());
  }

  private static Rule signedIn(String... patterns) {
    return new Rule(null, List.of(patterns), false, Set.of());
  }

  private static Rule roles(Set<Role> roles, HttpMethod method, String... patterns) {
    return new Rule(method, List.of(patterns), false, roles);
  }
}
