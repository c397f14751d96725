package cn.credit.workflow.security;

import cn.credit.workflow.audit.AuditAction;
import cn.credit.workflow.audit.AuditLog;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/**
 * The sign-in form's outcomes: the session remembers the account's version (so that a later
 * change ends it), the audit trail gets the sign-in and the sign-out, and a refusal says why.
 */
@Component
class SignInHandlers extends SavedRequestAwareAuthenticationSuccessHandler
    implements AuthenticationFailureHandler, LogoutHandler {

  private final AccountStates accounts;
  private final AuditLog audit;
  private final Clock clock;

  SignInHandlers(AccountStates accounts, AuditLog audit, Clock clock) {
    this.accounts = accounts;
    this.audit = audit;
    this.clock = clock;
    setDefaultTargetUrl("/home");
  }

  @Override
  public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication who)
      throws IOException, ServletException {
    AccountStates.State state = accounts.of(who.getName()).orElseThrow();
    request.getSession().setAttribute(AccountStateFilter.SESSION_VERSION, state.sessionVersion());
    audit.record(AuditAction.SIGN_IN, who.getName(), who.getName(), "sign-in form");
    if (state.mustChangePassword()) {
      clearAuthenticationAttributes(request);
      getRedirectStrategy().sendRedirect(request, response, AccountStateFilter.CHANGE_PASSWORD);
      return;
    }
    super.onAuthenticationSuccess(request, response, who);
  }

  @Override
  public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException failure) throws IOException {
    String reason;
    if (failure instanceof ThrottledAuthenticationProvider.ThrottledException throttled) {
      reason = (throttled.refusal().locked() ? "locked" : "wait") + "&seconds=" + throttled.refusal().seconds(clock.instant());
    } else if (failure instanceof DisabledException) {
      reason = "disabled";
    } else {
      reason = "bad";
    }
    getRedirectStrategy().sendRedirect(request, response, "/login?error=" + reason);
  }

  @Override
  public void logout(HttpServletRequest request, HttpServletResponse response, Authentication who) {
    if (who != null) {
      audit.record(AuditAction.SIGN_OUT, who.getName(), who.getName(), null);
    }
  }
}
