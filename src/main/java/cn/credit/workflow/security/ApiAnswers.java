package cn.credit.workflow.security;

import cn.credit.workflow.system.DatabaseAway;
import cn.credit.workflow.system.ProblemResponses;
import cn.credit.workflow.text.Text;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * How the security layer answers: JSON problem details for programs (/api, /engine-rest,
 * /actuator), a redirect with a reason for people at the pages.
 */
@Component
class ApiAnswers implements AuthenticationEntryPoint {

  private final ObjectMapper json;
  private final Clock clock;
  private final MessageSource messages;
  private final LocaleResolver locales;

  ApiAnswers(ObjectMapper json, Clock clock, MessageSource messages, LocaleResolver locales) {
    this.json = json;
    this.clock = clock;
    this.messages = messages;
    this.locales = locales;
  }

  static boolean isProgram(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/") || path.startsWith("/engine-rest") || path.startsWith("/actuator");
  }

  /** 401 without WWW-Authenticate: a browser never offers its password prompt, so never caches Basic credentials. */
  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    if (failure instanceof ThrottledAuthenticationProvider.ThrottledException throttled) {
      long seconds = throttled.refusal().seconds(clock.instant());
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
      write(request, response, HttpStatus.TOO_MANY_REQUESTS,
          throttled.refusal().locked() ? "security.api.locked" : "security.api.throttled", seconds);
      return;
    }
    if (DatabaseAway.isCause(failure)) {
      // the account could not be read: not a wrong password, and no reason to sign in again
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseAway.RETRY_AFTER_SECONDS));
      write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "problem.databaseAway");
      return;
    }
    write(request, response, HttpStatus.UNAUTHORIZED, "security.api.signIn");
  }

  void sessionEnded(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (isProgram(request)) {
      write(request, response, HttpStatus.UNAUTHORIZED, "security.api.sessionEnded");
    } else {
      response.sendRedirect(request.getContextPath() + "/login?ended");
    }
  }

  void passwordChangeDue(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (isProgram(request)) {
      write(request, response, HttpStatus.FORBIDDEN, "security.api.passwordChangeDue", AccountStateFilter.CHANGE_PASSWORD);
    } else {
      response.sendRedirect(request.getContextPath() + AccountStateFilter.CHANGE_PASSWORD);
    }
  }

  private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key,
      Object... args) throws IOException {
    Locale locale = locales.resolveLocale(request);
    // numbers as their digits, as everywhere (Text.of)
    String detail = messages.getMessage(Text.of(key, args), locale);
    ProblemResponses.write(response, json, status, detail, locale);
  }
}
