package cn.credit.workflow.admin;

import cn.credit.workflow.audit.AuditAction;
import cn.credit.workflow.audit.AuditLog;
import cn.credit.workflow.process.identity.EngineIdentitySync;
import cn.credit.workflow.startup.StartupStep;
import cn.credit.workflow.user.AppUser;
import cn.credit.workflow.user.PasswordPolicy;
import cn.credit.workflow.user.Role;
import cn.credit.workflow.user.Users;
import java.time.Clock;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new installation has no account with a known password: when no administrator exists, one is
 * created with the password from {@code credit.security.first-admin.password}
 * ({@code ADMIN_INITIAL_PASSWORD}) or, without one, a generated password printed once to the log.
 * Either way it must be changed at the first sign-in. The demo data has an administrator of its own.
 */
@Component
@Order(3) // after the identity sync, which creates the administrators' engine group
class FirstAdministrator implements StartupStep {

  private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

  private final Users users;
  private final PasswordEncoder encoder;
  private final PasswordPolicy policy;
  private final EngineIdentitySync identity;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final String username;
  private final String configuredPassword;

  FirstAdministrator(Users users, PasswordEncoder encoder, PasswordPolicy policy, EngineIdentitySync identity,
      AuditLog audit, TransactionTemplate tx, Clock clock,
      @Value("${credit.security.first-admin.username:admin}") String username,
      @Value("${credit.security.first-admin.password:}") String configuredPassword) {
    this.users = users;
    this.encoder = encoder;
    this.policy = policy;
    this.identity = identity;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
    this.username = username;
    this.configuredPassword = configuredPassword;
  }

  @Override
  public void run() {
    if (!users.findByRole(Role.ADMIN).isEmpty() || users.existsById(username)) {
      return;
    }
    boolean generated = configuredPassword == null || configuredPassword.isBlank();
    String password = generated ? policy.generate() : configuredPassword;
    try {
      tx.executeWithoutResult(status -> {
        AppUser admin = new AppUser(username, encoder.encode(password), "系统管理员", null, EnumSet.of(Role.ADMIN), null, null);
        admin.passwordChosenByOthers(clock.instant());
        users.save(admin);
        identity.syncUser(admin);
        audit.record(AuditAction.FIRST_ADMIN_CREATED, null, username,
            generated ? "generated password printed to the log" : "password from the environment", null);
      });
    } catch (DataIntegrityViolationException anotherNode) {
      log.info("The first administrator was created by another node at the same moment");
      return;
    }
    if (generated) {
      // printed once, on purpose: the only way to the first sign-in when no password was configured
      log.warn("""

          ==================================================================
           First administrator created: user '{}', password '{}'
           Sign in and set a new password (it must be changed at once).
           Set ADMIN_INITIAL_PASSWORD to choose this password yourself.
          ==================================================================""", username, password);
    } else {
      log.warn("First administrator '{}' created with the password from ADMIN_INITIAL_PASSWORD; it must be changed"
          + " at the first sign-in", username);
    }
  }
}
