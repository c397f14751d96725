package cn.credit.workflow.admin;

import cn.credit.workflow.entity.ValidUscc;
import cn.credit.workflow.system.FieldProblem;
import cn.credit.workflow.audit.AuditAction;
import cn.credit.workflow.audit.AuditLog;
import cn.credit.workflow.department.Department;
import cn.credit.workflow.department.DepartmentKind;
import cn.credit.workflow.department.Departments;
import cn.credit.workflow.entity.Entities;
import cn.credit.workflow.entity.MarketEntity;
import cn.credit.workflow.entity.Uscc;
import cn.credit.workflow.process.identity.EngineIdentitySync;
import cn.credit.workflow.security.SignInThrottle;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.OneOf;
import cn.credit.workflow.system.Validity;
import cn.credit.workflow.user.AppUser;
import cn.credit.workflow.user.PasswordPolicy;
import cn.credit.workflow.user.Role;
import cn.credit.workflow.user.Users;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Departments and user accounts, kept by administrators. Every change goes to the engine's
 * identity (groups, memberships) in the same transaction, so task routing follows at once.
 */
@Service
class DirectoryService {

  private static final String CODE = "{admin.department.code.pattern}";
  private static final String USERNAME = "{admin.user.username.pattern}";
  private static final String NAME = "{admin.name.required}";
  /** An e-mail address, or nothing. */
  private static final String EMAIL = "\\s*([^@\\s]+@[^@\\s]+\\.[^@\\s]+)?\\s*";

  private final Validity validity;
  private final Departments departments;
  private final Users users;
  private final Entities entities;
  private final EngineIdentitySync identity;
  private final PasswordEncoder passwords;
  private final PasswordPolicy policy;
  private final SignInThrottle throttle;
  private final AuditLog audit;
  private final Clock clock;

  DirectoryService(Departments departments, Users users, Entities entities,
      EngineIdentitySync identity, PasswordEncoder passwords, PasswordPolicy policy, SignInThrottle throttle,
      AuditLog audit, Validity validity, Clock clock) {
    this.validity = validity;
    this.departments = departments;
    this.users = users;
    this.entities = entities;
    this.identity = identity;
    this.passwords = passwords;
    this.policy = policy;
    this.throttle = throttle;
    this.audit = audit;
    this.clock = clock;
  }

  record NewDepartment(
      @NotNull(message = CODE) @Pattern(regexp = "\\s*[a-z][a-z0-9-]{1,31}\\s*", message = CODE) String code,
      @NotBlank(message = NAME) @Size(max = 100, message = NAME) String nameZh,
      @NotBlank(message = NAME) @Size(max = 100, message = NAME) String nameEn,
      @OneOf(DepartmentKind.class) String kind) {}

  record NewUser(
      @NotNull(message = USERNAME) @Pattern(regexp = "\\s*[a-z][a-z0-9._-]{2,63}\\s*", message = USERNAME) String username,
      @NotBlank(message = NAME) @Size(max = 100, message = NAME) String displayName,
      @Pattern(regexp = EMAIL, message = "{admin.user.email.invalid}") String email,
      String password, // the password policy knows the user name and the common passwords: see addUser
      @OneOf(Role.class) String role, String departmentCode, @ValidUscc String uscc) {}

  /** What an administrator changes on an account (not its name, not its password). */
  record UserChange(@NotBlank(message = NAME) @Size(max = 100, message = NAME) String displayName,
      @Pattern(regexp = EMAIL, message = "{admin.user.email.invalid}") String email,
      @OneOf(Role.class) String role, String departmentCode, @ValidUscc String uscc) {
    static UserChange of(AppUser user) {
      return new UserChange(user.getDisplayName(), user.getEmail(),
          user.getRoles().stream().findFirst().map(Enum::name).orElse(null),
          user.getDepartment() == null ? null : user.getDepartment().getCode(),
          user.getEntity() == null ? null : user.getEntity().getUscc());
    }
  }

  /** Who the account is for, checked as one: a role, and the department or entity the role needs. */
  private record Unit(Role role, Department department, MarketEntity entity) {}

  @Transactional
  Department addDepartment(NewDepartment form) {
    List<FieldProblem> errors = new ArrayList<>(validity.problems(form));
    String code = form.code() == null ? "" : form.code().strip();
    if (!mentions(errors, "code") && (departments.existsById(code) || code.endsWith("-leaders"))) {
      errors.add(FieldProblem.of("code", "admin.department.code.taken"));
    }
    DepartmentKind kind = parse(DepartmentKind.class, form.kind());
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(errors, "admin.department.notAdded");
    }
    int order = departments.findAllByOrderBySortOrder().stream().mapToInt(Department::getSortOrder).max().orElse(0) + 10;
    Department saved = departments.save(new Department(code, form.nameZh().strip(), form.nameEn().strip(), kind, order));
    identity.syncAll();
    return saved;
  }

  @Transactional
  AppUser addUser(NewUser form, String admin) {
    List<FieldProblem> errors = new ArrayList<>(validity.problems(form));
    String username = form.username() == null ? "" : form.username().strip();
    if (!mentions(errors, "username") && users.existsById(username)) {
      errors.add(FieldProblem.of("username", "admin.user.username.taken"));
    }
    UserChange person = new UserChange(form.displayName(), form.email(), form.role(), form.departmentCode(), form.uscc());
    errors.addAll(policy.problems("password", form.password(), username));
    Unit unit = unit(person, errors);
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(errors, "admin.user.notAdded");
    }
    AppUser user = new AppUser(username, passwords.encode(form.password()), form.displayName().strip(),
        blankToNull(form.email()), EnumSet.of(unit.role()), unit.department(), unit.entity());
    user.passwordChosenByOthers(clock.instant());
    users.save(user);
    identity.syncUser(user);
    audit.record(AuditAction.USER_ADDED, admin, username, "role " + unit.role());
    return user;
  }

  @Transactional
  AppUser changeUser(String username, UserChange change, String admin) {
    AppUser user = users.findById(username).orElseThrow(() -> ApiProblem.notFound("admin.user.none", username));
    List<FieldProblem> errors = new ArrayList<>(validity.problems(change));
    Unit unit = unit(change, errors);
    if (unit.role() != null && user.getUsername().equals(admin) && unit.role() != Role.ADMIN) {
      errors.add(FieldProblem.of("role", "admin.user.role.ownAdmin"));
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(errors, "admin.user.notChanged");
    }
    UserChange before = UserChange.of(user);
    user.update(change.displayName().strip(), blankToNull(change.email()), EnumSet.of(unit.role()), unit.department(),
        unit.entity());
    identity.syncUser(user);
    audit.record(AuditAction.USER_CHANGED, admin, username, "before " + before + "; after " + UserChange.of(user));
    return user;
  }

  /** A new password only the admin sees, once; the person must set their own at the next sign-in. */
  @Transactional
  String resetPassword(String username, String admin) {
    AppUser user = users.findById(username).orElseThrow(() -> ApiProblem.notFound("admin.user.none", username));
    String temporary = policy.generate();
    user.setPassword(passwords.encode(temporary), true, clock.instant());
    throttle.unlock(SignInThrottle.accountKey(username));
    audit.record(AuditAction.PASSWORD_RESET, admin, username, "temporary password, to be changed at next sign-in");
    return temporary;
  }

  @Transactional
  boolean unlock(String key, String admin) {
    boolean unlocked = throttle.unlock(key);
    if (unlocked) {
      audit.record(AuditAction.UNLOCKED, admin, key, null);
    }
    return unlocked;
  }

  List<SignInThrottle.Entry> throttled() {
    return throttle.current();
  }

  private static boolean mentions(List<FieldProblem> errors, String field) {
    return errors.stream().anyMatch(e -> e.field().equals(field));
  }

  private Unit unit(UserChange person, List<FieldProblem> errors) {
    Role role = parse(Role.class, person.role());
    Department department = null;
    MarketEntity entity = null;
    if (role == Role.REVIEWER || role == Role.LEADER) {
      department = person.departmentCode() == null ? null : departments.findById(person.departmentCode()).orElse(null);
      if (department == null) {
        errors.add(FieldProblem.of("departmentCode", "admin.user.department.required"));
      }
    }
    if (role == Role.APPLICANT) {
      String code = person.uscc() == null ? "" : Uscc.normalize(person.uscc());
      entity = entities.findByUscc(code).orElse(null);
      if (entity == null) {
        errors.add(FieldProblem.of("uscc", "admin.user.uscc.unknown"));
      }
    }
    return new Unit(role, department, entity);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  @Transactional
  void setEnabled(String username, boolean enabled, String admin) {
    AppUser user = users.findById(username).orElseThrow(() -> ApiProblem.notFound("admin.user.none", username));
    if (user.getUsername().equals(admin) && !enabled) {
      throw ApiProblem.conflict("admin.user.disableOwn");
    }
    if (user.isEnabled() != enabled) {
      user.setEnabled(enabled); // disabling ends the account's open sessions at their next request
      audit.record(enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED, admin, username, null);
    }
  }

  @Transactional(readOnly = true)
  AppUser user(String username) {
    return users.findById(username).orElseThrow(() -> ApiProblem.notFound("admin.user.none", username));
  }

  @Transactional(readOnly = true)
  List<AppUser> users() {
    return users.findAll();
  }

  @Transactional(readOnly = true)
  List<Department> departments() {
    return departments.findAllByOrderBySortOrder();
  }

  /** The constant a choice names, or null: {@link OneOf} on the form said what is wrong with it. */
  private static <E extends Enum<E>> E parse(Class<E> type, String value) {
    try {
      return Enum.valueOf(type, value == null ? "" : value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
