package cn.credit.workflow.admin;

import cn.credit.workflow.department.Department;
import cn.credit.workflow.department.DepartmentKind;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.entity.MarketEntity;
import cn.credit.workflow.entity.MarketEntityRepository;
import cn.credit.workflow.entity.Uscc;
import cn.credit.workflow.identity.EngineIdentitySync;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.user.AppUser;
import cn.credit.workflow.user.AppUserRepository;
import cn.credit.workflow.user.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Departments and user accounts, kept by administrators. Every change goes to the engine's
 * identity (groups, memberships) in the same transaction, so task routing follows at once.
 */
@Service
class DirectoryService {

  static final int MIN_PASSWORD = 8;

  private final DepartmentRepository departments;
  private final AppUserRepository users;
  private final MarketEntityRepository entities;
  private final EngineIdentitySync identity;
  private final PasswordEncoder passwords;

  DirectoryService(DepartmentRepository departments, AppUserRepository users, MarketEntityRepository entities,
      EngineIdentitySync identity, PasswordEncoder passwords) {
    this.departments = departments;
    this.users = users;
    this.entities = entities;
    this.identity = identity;
    this.passwords = passwords;
  }

  record NewDepartment(String code, String nameZh, String nameEn, String kind) {}

  record NewUser(String username, String displayName, String email, String password, String role,
      String departmentCode, String uscc) {}

  @Transactional
  Department addDepartment(NewDepartment form) {
    List<String> errors = new ArrayList<>();
    String code = form.code() == null ? "" : form.code().strip();
    if (!code.matches("[a-z][a-z0-9-]{1,31}")) {
      errors.add("code: 代码为2至32位小写字母、数字或连字符，以字母开头 / 2 to 32 lowercase letters, digits or '-', starting with a letter");
    } else if (departments.existsById(code) || code.endsWith("-leaders")) {
      errors.add("code: 代码已被使用 / this code is taken");
    }
    text(form.nameZh(), "nameZh", 100, errors);
    text(form.nameEn(), "nameEn", 100, errors);
    DepartmentKind kind = parse(DepartmentKind.class, form.kind(), "kind", errors);
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable("the department was not added", errors);
    }
    int order = departments.findAllByOrderBySortOrder().stream().mapToInt(Department::getSortOrder).max().orElse(0) + 10;
    Department saved = departments.saveAndFlush(new Department(code, form.nameZh().strip(), form.nameEn().strip(), kind, order));
    identity.syncAll();
    return saved;
  }

  @Transactional
  AppUser addUser(NewUser form) {
    List<String> errors = new ArrayList<>();
    String username = form.username() == null ? "" : form.username().strip();
    if (!username.matches("[a-z][a-z0-9._-]{2,63}")) {
      errors.add("username: 用户名为3至64位小写字母、数字、点、连字符 / 3 to 64 lowercase letters, digits, '.', '-' or '_'");
    } else if (users.existsById(username)) {
      errors.add("username: 用户名已被使用 / this user name is taken");
    }
    text(form.displayName(), "displayName", 100, errors);
    if (form.email() != null && !form.email().isBlank() && !form.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      errors.add("email: 邮箱格式不正确 / not an e-mail address");
    }
    if (form.password() == null || form.password().length() < MIN_PASSWORD || form.password().length() > 100) {
      errors.add("password: 初始密码至少" + MIN_PASSWORD + "位 / an initial password of at least " + MIN_PASSWORD + " characters");
    }
    Role role = parse(Role.class, form.role(), "role", errors);
    Department department = null;
    MarketEntity entity = null;
    if (role == Role.REVIEWER || role == Role.LEADER) {
      department = form.departmentCode() == null ? null : departments.findById(form.departmentCode()).orElse(null);
      if (department == null) {
        errors.add("departmentCode: 经办人和部门领导须选择所在部门 / reviewers and department leaders belong to a department");
      }
    }
    if (role == Role.APPLICANT) {
      String code = form.uscc() == null ? "" : Uscc.normalize(form.uscc());
      entity = entities.findByUscc(code).orElse(null);
      if (entity == null) {
        errors.add("uscc: 申请人须对应已登记的市场主体（统一社会信用代码） / an applicant acts for a registered entity (its USCC)");
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable("the user was not added", errors);
    }
    AppUser user = users.saveAndFlush(new AppUser(username, passwords.encode(form.password()), form.displayName().strip(),
        form.email() == null || form.email().isBlank() ? null : form.email().strip(), EnumSet.of(role), department, entity));
    identity.syncUser(user);
    return user;
  }

  @Transactional
  void setEnabled(String username, boolean enabled, String admin) {
    AppUser user = users.findById(username).orElseThrow(() -> ApiProblem.notFound("no user " + username));
    if (user.getUsername().equals(admin) && !enabled) {
      throw ApiProblem.conflict("administrators do not disable their own account");
    }
    user.setEnabled(enabled);
  }

  @Transactional(readOnly = true)
  List<AppUser> users() {
    return users.findAll(Sort.by("username"));
  }

  @Transactional(readOnly = true)
  List<Department> departments() {
    return departments.findAllByOrderBySortOrder();
  }

  private static void text(String value, String field, int max, List<String> errors) {
    if (value == null || value.isBlank() || value.strip().length() > max) {
      errors.add(field + ": 必填，最多" + max + "字 / required, at most " + max + " characters");
    }
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<String> errors) {
    try {
      return Enum.valueOf(type, value == null ? "" : value);
    } catch (IllegalArgumentException e) {
      errors.add(field + ": 请选择 / choose one of " + Set.of(type.getEnumConstants()));
      return null;
    }
  }
}
