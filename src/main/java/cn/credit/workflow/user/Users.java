package cn.credit.workflow.user;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The user accounts as other features reach them: they call this, never the repository. */
@Service
public class Users {

  private final AppUserRepository users;

  Users(AppUserRepository users) {
    this.users = users;
  }

  @Transactional(readOnly = true)
  public Optional<AppUser> findById(String username) {
    return users.findById(username);
  }

  @Transactional(readOnly = true)
  public boolean existsById(String username) {
    return users.existsById(username);
  }

  /** Enabled accounts of a department with a role. */
  @Transactional(readOnly = true)
  public List<AppUser> findByDepartmentAndRole(String departmentCode, Role role) {
    return users.findByDepartmentAndRole(departmentCode, role);
  }

  /** Enabled accounts with a role. */
  @Transactional(readOnly = true)
  public List<AppUser> findByRole(Role role) {
    return users.findByRole(role);
  }

  @Transactional(readOnly = true)
  public List<AppUser> findAll() {
    return users.findAll(Sort.by("username"));
  }

  @Transactional(readOnly = true)
  public long count() {
    return users.count();
  }

  @Transactional
  public AppUser save(AppUser user) {
    return users.saveAndFlush(user);
  }
}
