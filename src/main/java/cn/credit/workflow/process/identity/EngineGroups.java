package cn.credit.workflow.process.identity;

import cn.credit.workflow.department.Department;
import cn.credit.workflow.user.AppUser;
import cn.credit.workflow.user.Role;
import java.util.LinkedHashSet;
import java.util.Set;

/** Which Camunda groups a user belongs to: the department (its candidate group) and role groups. */
public final class EngineGroups {

  public static final String CAMUNDA_ADMIN = "camunda-admin";
  public static final String CITY_LEADERS = "city-leaders";
  public static final String APPLICANTS = "applicants";

  private EngineGroups() {}

  public static Set<String> of(AppUser user) {
    Set<String> groups = new LinkedHashSet<>();
    Department department = user.getDepartment();
    if (department != null && (user.hasRole(Role.REVIEWER) || user.hasRole(Role.LEADER))) {
      groups.add(department.getCode());
    }
    if (department != null && user.hasRole(Role.LEADER)) {
      groups.add(department.leaderGroupId());
    }
    if (user.hasRole(Role.CITY_LEADER)) {
      groups.add(CITY_LEADERS);
    }
    if (user.hasRole(Role.ADMIN)) {
      groups.add(CAMUNDA_ADMIN);
    }
    if (user.hasRole(Role.APPLICANT)) {
      groups.add(APPLICANTS);
    }
    return groups;
  }
}
