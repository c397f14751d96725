package cn.credit.workflow.security;

import cn.credit.workflow.audit.AuditAction;
import cn.credit.workflow.audit.AuditLog;
import cn.credit.workflow.user.AccountService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request of a signed-in person checks the account as it is now, on whichever node: a
 * disabled account, or a session older than the last password change, ends at once; a person who
 * must set a new password can do nothing else first. One primary-key read per request.
 */
class AccountStateFilter extends OncePerRequestFilter {

  static final String SESSION_VERSION = AccountService.SESSION_VERSION;
  static final String CHANGE_PASSWORD = "/account/password";

  private final AccountStates accounts;
  private final AuditLog audit;
  private final ApiAnswers answers;

  AccountStateFilter(AccountStates accounts, AuditLog audit, ApiAnswers answers) {
    this.accounts = accounts;
    this.audit = audit;
    this.answers = answers;
  }

  /** Style sheets, scripts and images say nothing about anybody: no account read for them. */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return isStatic(path(request));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication who = SecurityContextHolder.getContext().getAuthentication();
    if (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated()) {
      chain.doFilter(request, response);
      return;
    }
    Optional<AccountStates.State> state = accounts.of(who.getName());
    HttpSession session = signedInBy(request.getSession(false), who);
    boolean sessionCurrent = session == null || state.isPresent()
        && Objects.equals(session.getAttribute(SESSION_VERSION), state.get().sessionVersion());
    if (state.isEmpty() || !state.get().enabled() || !sessionCurrent) {
      audit.record(AuditAction.SESSION_ENDED, who.getName(), who.getName(),
          state.map(s -> s.enabled() ? "password or account changed" : "account disabled").orElse("account removed"));
      if (session != null) {
        session.invalidate();
      }
      SecurityContextHolder.clearContext();
      answers.sessionEnded(request, response);
      return;
    }
    if (state.get().mustChangePassword() && !mayWhileChangeIsDue(request)) {
      answers.passwordChangeDue(request, response);
      return;
    }
    chain.doFilter(request, response);
  }

  /** The session, if it is where this person's sign-in comes from (not a program's Basic call beside a cookie). */
  private static HttpSession signedInBy(HttpSession session, Authentication who) {
    if (session == null) {
      return null;
    }
    Object saved = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    return saved instanceof SecurityContext context && context.getAuthentication() != null
        && who.getName().equals(context.getAuthentication().getName()) ? session : null;
  }

  private static boolean mayWhileChangeIsDue(HttpServletRequest request) {
    String path = path(request);
    return path.equals(CHANGE_PASSWORD) || path.equals("/logout") || path.equals("/error");
  }

  private static boolean isStatic(String path) {
    return path.equals("/favicon.ico") || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
        || path.startsWith("/webjars/");
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
