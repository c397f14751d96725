package cn.credit.workflow.casefile;

import cn.credit.workflow.department.Department;
import cn.credit.workflow.department.DepartmentKind;
import cn.credit.workflow.user.AppUser;
import cn.credit.workflow.user.Role;
import java.util.Collection;
import java.util.Objects;

/**
 * Who may see a case, whatever its kind: the applicant's own entity, administrators, city leaders,
 * the credit office, and the departments the case concerns (each kind says which).
 */
public final class CaseViewers {

  private CaseViewers() {}

  public static boolean mayView(AppUser user, CaseRecord filed) {
    return mayView(user, filed.getEntity().getId(), filed.departmentsConcerned());
  }

  public static boolean mayView(AppUser user, Long entityId, Collection<String> departmentsConcerned) {
    if (user.hasRole(Role.APPLICANT) && user.getEntity() != null && Objects.equals(user.getEntity().getId(), entityId)) {
      return true;
    }
    if (user.hasRole(Role.ADMIN) || user.hasRole(Role.CITY_LEADER)) {
      return true;
    }
    Department department = user.getDepartment();
    return department != null && (department.getKind() == DepartmentKind.CREDIT_OFFICE
        || departmentsConcerned.contains(department.getCode()));
  }
}
