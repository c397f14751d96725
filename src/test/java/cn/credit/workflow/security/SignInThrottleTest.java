package cn.credit.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.RunningAppTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wrong passwords lock an account after the threshold (8 here), on the form and over HTTP Basic
 * alike; the right password is then refused too, until an administrator unlocks; every step is
 * in the audit trail.
 */
@RunningAppTest
@Tag("database") // the throttle and account state are plain SQL: also on MySQL/MariaDB in CI
class SignInThrottleTest {

  @LocalServerPort int port;
  @Autowired SignInThrottle throttle;
  @Autowired JdbcTemplate jdbc;

  /** Other tests sign in from the same address: what this test failed there is forgotten after it. */
  @AfterEach
  void forgetTheAddress() {
    jdbc.update("delete from sign_in_throttle where throttle_key like 'ip:%'");
  }

  @Test
  void theFormLocksAfterTheThresholdTheRightPasswordTooUntilAnAdminUnlocks() throws Exception {
    String user = "reviewer.housing";
    SessionClient guesser = SessionClient.as(port, null, null);
    String last = null;
    for (int i = 0; i < 8; i++) {
      last = location(guesser.form("POST", "/login", "username=" + user + "&password=wrong" + i));
    }
    assertThat(last).as("the eighth failure locks").contains("/login?error=locked&seconds=");
    String rightButLocked = location(SessionClient.as(port, null, null).form("POST", "/login",
        "username=" + user + "&password=demo"));
    assertThat(rightButLocked).as("locked: the right password is not even checked").contains("error=locked");
    assertThat(SessionClient.as(port, null, null).get(rightButLocked.replaceFirst("^https?://[^/]+", "")).body())
        .contains("登录失败次数过多，已暂时锁定");

    SessionClient admin = SessionClient.as(port, "admin", "demo");
    String users = admin.get("/admin/users").body();
    assertThat(users).contains("sign-in-locks").contains(user);
    assertThat(count(user, "ACCOUNT_LOCKED")).isEqualTo(1);
    assertThat(count(user, "SIGN_IN_FAILED") + count(user, "SIGN_IN_REFUSED")).isEqualTo(9);
    assertThat(admin.get("/admin/audit?actor=" + user + "&action=ACCOUNT_LOCKED").body())
        .contains("data-action=\"ACCOUNT_LOCKED\"").contains("127.0.0.1");

    assertThat(admin.form("POST", "/admin/sign-in-locks", "key=user:" + user).statusCode()).isEqualTo(302);
    assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'UNLOCKED' and target = ?",
        Integer.class, "user:" + user)).isEqualTo(1);
    jdbc.update("delete from sign_in_throttle where throttle_key like 'ip:%'");
    assertThat(SessionClient.as(port, user, "demo").get("/tasks").statusCode()).as("unlocked, the right password works")
        .isEqualTo(200);
    assertThat(count(user, "SIGN_IN")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void httpBasicLocksTheSameWayAndSaysWhenToTryAgain() throws Exception {
    String user = "reviewer.hrss";
    assertThat(basic(user, "demo").statusCode()).isEqualTo(200);
    int status = 0;
    for (int i = 0; i < 8; i++) {
      status = basic(user, "wrong" + i).statusCode();
    }
    assertThat(status).as("the eighth failure is refused as throttled").isEqualTo(429);
    HttpResponse<String> locked = basic(user, "demo");
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
    assertThat(locked.body()).contains("locked");
    assertThat(count(user, "ACCOUNT_LOCKED")).isEqualTo(1);

    assertThat(throttle.unlock(SignInThrottle.accountKey(user))).isTrue();
    jdbc.update("delete from sign_in_throttle where throttle_key like 'ip:%'");
    assertThat(basic(user, "demo").statusCode()).isEqualTo(200);
  }

  @Test
  void aFewFailuresOnlyDelayAndTheRightPasswordResetsTheCount() throws Exception {
    String user = "reviewer.safety";
    for (int i = 0; i < 3; i++) {
      assertThat(basic(user, "wrong" + i).statusCode()).as("the first failures are only failures").isEqualTo(401);
    }
    HttpResponse<String> tooSoon = basic(user, "demo");
    assertThat(tooSoon.statusCode()).as("right after three failures: wait first").isEqualTo(429);
    assertThat(tooSoon.body()).contains("try again in");
    jdbc.update("update sign_in_throttle set last_failure = ? where throttle_key = ?",
        Timestamp.from(Instant.now().minusSeconds(60)), "user:" + user);
    assertThat(basic(user, "demo").statusCode()).as("after the delay the right password works").isEqualTo(200);
    assertThat(jdbc.queryForObject("select count(*) from sign_in_throttle where throttle_key = ?", Integer.class,
        "user:" + user)).as("and the account's count starts again").isZero();
  }

  @Test
  void aHugeOrStrangeUserNameIsJustAFailedSignIn() throws Exception {
    SessionClient guesser = SessionClient.as(port, null, null);
    HttpResponse<String> huge = guesser.form("POST", "/login", "username=" + "x".repeat(10_000) + "&password=x");
    assertThat(huge.statusCode()).isEqualTo(302);
    assertThat(location(huge)).contains("error=bad");
    HttpResponse<String> controls = guesser.form("POST", "/login", "username=%00%0d%0aadmin&password=x");
    assertThat(location(controls)).contains("error=bad");
    assertThat(jdbc.queryForList("select actor from audit_event where action = 'SIGN_IN_FAILED'", String.class))
        .as("kept within the column and printable").anySatisfy(a -> assertThat(a).hasSize(64))
        .allSatisfy(a -> assertThat(a).doesNotContain("\r", "\n", "\u0000"));
  }

  private int count(String user, String action) {
    return jdbc.queryForObject("select count(*) from audit_event where actor = ? and action = ?", Integer.class, user,
        action);
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElse("");
  }

  /** In English, as an API client asks for it (ADR 5): the assertions read the English wording. */
  private HttpResponse<String> basic(String user, String password) throws Exception {
    String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tasks"))
        .header("Authorization", "Basic " + token).header("Accept", "application/json")
        .header("Accept-Language", "en").build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
