package cn.credit.workflow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.HttpTestClient;
import cn.credit.workflow.RunningAppTest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Administrators add departments and users from the pages; the engine's groups follow at once. */
@RunningAppTest
class DirectoryPagesTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  @Test
  void anAdministratorAddsADepartmentAndItsReviewerWhoCanSignInAndWorkTheQueue() throws Exception {
    HttpTestClient admin = new HttpTestClient(port);
    admin.signIn("admin");
    HttpResponse<String> bad = admin.postForm("/admin/departments", "/admin/departments", "code", "Bad Code",
        "nameZh", "", "nameEn", "Transport", "kind", "DECIDING");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("代码为2至32位小写字母").contains("必填").contains("Transport");
    assertThat(admin.postForm("/admin/departments", "/admin/departments", "code", "transport", "nameZh", "市交通运输局",
        "nameEn", "Transport Bureau", "kind", "DECIDING").statusCode()).isEqualTo(302);
    assertThat(identity.createGroupQuery().groupId("transport").count()).isEqualTo(1);
    assertThat(identity.createGroupQuery().groupId("transport-leaders").count()).isEqualTo(1);

    HttpResponse<String> noDepartment = admin.postForm("/admin/users", "/admin/users", "username", "reviewer.transport",
        "displayName", "交通经办人", "password", "s3cret-pass", "role", "REVIEWER");
    assertThat(noDepartment.statusCode()).isEqualTo(422);
    assertThat(noDepartment.body()).contains("须选择所在部门").contains("reviewer.transport");
    assertThat(admin.postForm("/admin/users", "/admin/users", "username", "reviewer.transport", "displayName", "交通经办人",
        "email", "transport@example.cn", "password", "s3cret-pass", "role", "REVIEWER", "departmentCode", "transport")
        .statusCode()).isEqualTo(302);
    assertThat(identity.createGroupQuery().groupMember("reviewer.transport").list()).extracting(Group::getId)
        .containsExactly("transport");
    assertThat(admin.get("/admin/users", null, "text/html").body()).contains("reviewer.transport").contains("市交通运输局");

    HttpTestClient reviewer = new HttpTestClient(port);
    HttpResponse<String> login = reviewer.postForm("/login", "/login", "username", "reviewer.transport", "password",
        "s3cret-pass");
    assertThat(login.headers().firstValue("Location")).as("a password the admin chose is changed first")
        .hasValueSatisfying(l -> assertThat(l).endsWith("/account/password"));
    assertThat(reviewer.get("/tasks", null, "text/html").headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/account/password"));
    HttpResponse<String> weak = reviewer.postForm("/account/password", "/account/password", "currentPassword",
        "s3cret-pass", "newPassword", "reviewer.transport1", "repeatPassword", "reviewer.transport1");
    assertThat(weak.statusCode()).isEqualTo(422);
    assertThat(weak.body()).contains("密码不得包含用户名");
    assertThat(reviewer.postForm("/account/password", "/account/password", "currentPassword", "s3cret-pass",
        "newPassword", "Gaotie-2026-Lu", "repeatPassword", "Gaotie-2026-Lu").statusCode()).isEqualTo(302);
    assertThat(reviewer.get("/tasks", null, "text/html").statusCode()).isEqualTo(200);
    assertThat(reviewer.get("/admin/users", null, "text/html").statusCode()).isEqualTo(403);

    assertThat(admin.postForm("/admin/users", "/admin/users/reviewer.transport/enabled", "enabled", "false")
        .statusCode()).isEqualTo(302);
    HttpResponse<String> ended = reviewer.get("/tasks", null, "text/html");
    assertThat(ended.statusCode()).as("the open session of a disabled account ends at once").isEqualTo(302);
    assertThat(ended.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login?ended"));
    assertThat(reviewer.get("/tasks", null, "text/html").headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    HttpResponse<String> refused = new HttpTestClient(port).postForm("/login", "/login", "username",
        "reviewer.transport", "password", "Gaotie-2026-Lu");
    assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("error=disabled"));
  }
}
