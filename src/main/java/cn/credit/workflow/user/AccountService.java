package cn.credit.workflow.user;

import cn.credit.workflow.system.FieldProblem;
import cn.credit.workflow.audit.AuditAction;
import cn.credit.workflow.audit.AuditLog;
import cn.credit.workflow.system.ApiProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's own account: changing the password (also the one an administrator set for them). */
@Service
public class AccountService {

  /** The session attribute holding the account's session version at sign-in (see AppUser#getSessionVersion). */
  public static final String SESSION_VERSION = "credit.session-version";

  private final AppUserRepository users;
  private final PasswordEncoder encoder;
  private final PasswordPolicy policy;
  private final AuditLog audit;
  private final Clock clock;

  AccountService(AppUserRepository users, PasswordEncoder encoder, PasswordPolicy policy, AuditLog audit, Clock clock) {
    this.users = users;
    this.encoder = encoder;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  /** Returns the account's new session version, which the current session takes over; other sessions end. */
  @Transactional
  public int changePassword(String username, String current, String next, String repeated) {
    AppUser user = users.findById(username).orElseThrow(() -> ApiProblem.notFound("account.none", username));
    List<FieldProblem> errors = new ArrayList<>();
    if (current == null || !encoder.matches(current, user.getPasswordHash())) {
      errors.add(FieldProblem.of("currentPassword", "account.currentPassword.wrong"));
    }
    errors.addAll(policy.problems("newPassword", next, username));
    if (next != null && current != null && next.equals(current)) {
      errors.add(FieldProblem.of("newPassword", "account.newPassword.same"));
    }
    if (!Objects.equals(next, repeated)) {
      errors.add(FieldProblem.of("repeatPassword", "account.repeatPassword.differs"));
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(errors, "account.password.notChanged");
    }
    user.setPassword(encoder.encode(next), false, clock.instant());
    audit.record(AuditAction.PASSWORD_CHANGED, username, username, null);
    return user.getSessionVersion();
  }

  @Transactional(readOnly = true)
  public boolean mustChangePassword(String username) {
    return users.findById(username).map(AppUser::isMustChangePassword).orElse(false);
  }
}
