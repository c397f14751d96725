package cn.credit.workflow.user;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AppUserRepository extends JpaRepository<AppUser, String> {

  @Query("select distinct u from AppUser u join u.roles r where u.department.code = ?1 and r = ?2 and u.enabled = true")
  List<AppUser> findByDepartmentAndRole(String departmentCode, Role role);

  @Query("select distinct u from AppUser u join u.roles r where r = ?1 and u.enabled = true")
  List<AppUser> findByRole(Role role);
}
