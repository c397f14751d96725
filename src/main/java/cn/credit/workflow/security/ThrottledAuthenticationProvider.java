package cn.credit.workflow.security;

import cn.credit.workflow.audit.AuditAction;
import cn.credit.workflow.audit.AuditLog;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in (the form and HTTP Basic alike) behind the throttle: an attempt the throttle
 * refuses is not checked at all, so a locked account stays locked even for the right password.
 * Failures and locks go to the audit trail.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

  private final DaoAuthenticationProvider passwords;
  private final SignInThrottle throttle;
  private final AuditLog audit;

  ThrottledAuthenticationProvider(DaoAuthenticationProvider passwords, SignInThrottle throttle, AuditLog audit) {
    this.passwords = passwords;
    this.throttle = throttle;
    this.audit = audit;
  }

  /** Refused before the password was checked: locked, or too soon after failures. */
  static class ThrottledException extends AuthenticationException {
    private final SignInThrottle.Refusal refusal;

    ThrottledException(SignInThrottle.Refusal refusal) {
      super(refusal.locked() ? "locked" : "too soon");
      this.refusal = refusal;
    }

    SignInThrottle.Refusal refusal() {
      return refusal;
    }
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    String username = attempt.getName() == null ? "" : attempt.getName();
    String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    SignInThrottle.Verdict verdict = throttle.check(username, address);
    Optional<SignInThrottle.Refusal> refusal = verdict.refusal();
    if (refusal.isPresent()) {
      SignInThrottle.Failure failure = failed(username, address, AuditAction.SIGN_IN_REFUSED,
          (refusal.get().locked() ? "locked until " : "retry at ") + refusal.get().retryAt());
      throw new ThrottledException(failure.lock().orElse(refusal.get()));
    }
    try {
      Authentication result = passwords.authenticate(attempt);
      if (verdict.accountHasFailures()) { // most sign-ins have nothing to forget: no write for them
        throttle.succeeded(username);
      }
      return result;
    } catch (DisabledException e) {
      audit.record(AuditAction.SIGN_IN_FAILED, username, username, "account disabled", address);
      throw e;
    } catch (BadCredentialsException e) {
      SignInThrottle.Failure failure = failed(username, address, AuditAction.SIGN_IN_FAILED, "wrong user name or password");
      if (failure.lock().isPresent()) {
        throw new ThrottledException(failure.lock().get());
      }
      throw e;
    }
  }

  private SignInThrottle.Failure failed(String username, String address, AuditAction action, String detail) {
    SignInThrottle.Failure failure = throttle.failed(username, address);
    audit.record(action, username, username, detail, address);
    if (failure.accountLocked()) {
      audit.record(AuditAction.ACCOUNT_LOCKED, username, username, "locked for a while after repeated failures", address);
    }
    if (failure.addressLocked()) {
      audit.record(AuditAction.ADDRESS_LOCKED, username, address, "address locked after repeated failures", address);
    }
    return failure;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
