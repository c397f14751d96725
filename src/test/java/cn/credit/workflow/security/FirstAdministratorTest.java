package cn.credit.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A new installation without demo data has no account with a known password: the first
 * administrator's password is generated, printed once, and must be changed at the first sign-in.
 */
@ExtendWith(OutputCaptureExtension.class) // first: it must capture before the application starts
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"credit.demo-data.enabled=false", "credit.security.first-admin.password="})
class FirstAdministratorTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theFirstAdministratorGetsAGeneratedPasswordToChangeAtOnce(CapturedOutput startup) throws Exception {
    assertThat(jdbc.queryForObject("select count(*) from app_user", Integer.class)).as("no demo accounts").isEqualTo(1);
    // the extension captures from before the application started, so the start-up log is in it
    Matcher printed = Pattern.compile("user 'admin', password '([A-Za-z0-9]+)'").matcher(startup.getAll());
    assertThat(printed.find()).as("the generated password is printed once").isTrue();
    String password = printed.group(1);
    assertThat(password).hasSizeGreaterThanOrEqualTo(16);

    assertThat(new SessionClient(port).form("POST", "/login", "username=admin&password=demo").statusCode())
        .isIn(302, 403);
    SessionClient admin = SessionClient.as(port, "admin", password);
    assertThat(admin.get("/admin").headers().firstValue("Location")).as("nothing before the new password")
        .hasValueSatisfying(l -> assertThat(l).endsWith("/account/password"));
    assertThat(admin.get("/account/password").body()).contains("must-change");
    assertThat(admin.form("POST", "/account/password", "currentPassword=" + password
        + "&newPassword=Shou-Ge-Guan-Li-1&repeatPassword=Shou-Ge-Guan-Li-1").statusCode()).isEqualTo(302);
    HttpResponse<String> dashboard = admin.get("/admin");
    assertThat(dashboard.statusCode()).isEqualTo(200);
    assertThat(jdbc.queryForList("select action from audit_event", String.class))
        .contains("FIRST_ADMIN_CREATED", "PASSWORD_CHANGED");
  }
}
