package cn.credit.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.RunningAppTest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Accounts people can run: own password change, admin edit and reset, sessions that end when they should. */
@RunningAppTest
@Tag("database") // the throttle and account state are plain SQL: also on MySQL/MariaDB in CI
class AccountsTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anAdminResetsAPasswordTheOldSessionEndsAndTheNewOneMustBeChangedFirst() throws Exception {
    String user = newReviewer("reset");
    SessionClient own = SessionClient.as(port, user, "Erste-Passwort-9");
    assertThat(own.get("/tasks").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
        .endsWith("/account/password"));
    assertThat(own.form("POST", "/account/password", "currentPassword=Erste-Passwort-9&newPassword=123456"
        + "&repeatPassword=123456").body()).contains("密码长度应为10至128位");
    HttpResponse<String> common = own.form("POST", "/account/password",
        "currentPassword=Erste-Passwort-9&newPassword=password123&repeatPassword=password123");
    assertThat(common.statusCode()).isEqualTo(422);
    assertThat(common.body()).contains("密码过于常见");
    assertThat(own.form("POST", "/account/password", "currentPassword=wrong-one-1&newPassword=Quan-Cheng-2026"
        + "&repeatPassword=Quan-Cheng-2026").body()).contains("当前密码不正确");
    assertThat(own.form("POST", "/account/password", "currentPassword=Erste-Passwort-9&newPassword=Quan-Cheng-2026"
        + "&repeatPassword=Quan-Cheng-2026").statusCode()).isEqualTo(302);
    assertThat(own.get("/tasks").statusCode()).as("this session goes on after its own change").isEqualTo(200);

    SessionClient admin = SessionClient.as(port, "admin", "demo");
    assertThat(admin.form("POST", "/admin/users/" + user + "/password-reset", "").statusCode()).isEqualTo(302);
    Matcher shown = Pattern.compile("<code>([A-Za-z0-9]+)</code>").matcher(admin.get("/admin/users/" + user).body());
    assertThat(shown.find()).as("the temporary password is shown to the admin once").isTrue();
    String temporary = shown.group(1);
    assertThat(admin.get("/admin/users/" + user).body()).as("and only once").doesNotContain(temporary);

    HttpResponse<String> ended = own.get("/tasks");
    assertThat(ended.headers().firstValue("Location")).as("the reset ends the open session")
        .hasValueSatisfying(l -> assertThat(l).contains("/login?ended"));
    SessionClient again = SessionClient.as(port, user, temporary);
    assertThat(again.get("/tasks").headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/account/password"));
    assertThat(again.get("/api/tasks").statusCode()).as("the API waits for the change too").isEqualTo(403);
    assertThat(again.form("POST", "/account/password", "currentPassword=" + temporary
        + "&newPassword=Huang-He-Lou-7&repeatPassword=Huang-He-Lou-7").statusCode()).isEqualTo(302);
    assertThat(again.get("/tasks").statusCode()).isEqualTo(200);

    assertThat(actions(user)).contains("USER_ADDED", "PASSWORD_CHANGED", "PASSWORD_RESET", "SESSION_ENDED", "SIGN_IN");
  }

  @Test
  void anAdminEditsAUserWhoseSessionThenEnds() throws Exception {
    String user = newReviewer("edit");
    SessionClient own = SessionClient.as(port, user, "Erste-Passwort-9");
    own.form("POST", "/account/password", "currentPassword=Erste-Passwort-9&newPassword=Quan-Cheng-2026"
        + "&repeatPassword=Quan-Cheng-2026");
    SessionClient admin = SessionClient.as(port, "admin", "demo");
    HttpResponse<String> bad = admin.form("POST", "/admin/users/" + user, "displayName=&role=LEADER");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("必填").contains("id=\"displayName\"");
    assertThat(admin.form("POST", "/admin/users/" + user, "displayName=改名&email=x%40example.cn&role=LEADER"
        + "&departmentCode=housing").statusCode()).isEqualTo(302);
    assertThat(jdbc.queryForObject("select department_code from app_user where username = ?", String.class, user))
        .isEqualTo("housing");
    assertThat(own.get("/tasks").headers().firstValue("Location")).as("what the person may do changed")
        .hasValueSatisfying(l -> assertThat(l).contains("/login?ended"));
    assertThat(SessionClient.as(port, user, "Quan-Cheng-2026").get("/oversight").statusCode()).isEqualTo(200);
    assertThat(actions(user)).contains("USER_CHANGED");
    assertThat(admin.form("POST", "/admin/users/admin", "displayName=管理员&role=REVIEWER&departmentCode=tax").body())
        .as("an admin keeps their own admin role").contains("管理员不能取消自己的管理员角色");
  }

  private String newReviewer(String what) throws Exception {
    String user = "reviewer." + what + System.nanoTime() % 100000;
    SessionClient admin = SessionClient.as(port, "admin", "demo");
    HttpResponse<String> added = admin.form("POST", "/admin/users", "username=" + user + "&displayName=测试"
        + "&password=Erste-Passwort-9&role=REVIEWER&departmentCode=tax");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
    return user;
  }

  private java.util.List<String> actions(String user) {
    return jdbc.queryForList("select action from audit_event where target = ? or actor = ?", String.class, user, user);
  }
}
