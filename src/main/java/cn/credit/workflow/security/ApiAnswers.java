package cn.credit.workflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * How the security layer answers: JSON problem details for programs (/api, /engine-rest,
 * /actuator), a redirect with a reason for people at the pages.
 */
@Component
class ApiAnswers implements AuthenticationEntryPoint {

  private final ObjectMapper json;
  private final Clock clock;

  ApiAnswers(ObjectMapper json, Clock clock) {
    this.json = json;
    this.clock = clock;
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
      write(response, HttpStatus.TOO_MANY_REQUESTS, throttled.refusal().locked()
          ? "signing in is locked after repeated failures; try again in " + seconds + " s or ask an administrator to unlock"
          : "too many failed sign-ins; try again in " + seconds + " s");
      return;
    }
    write(response, HttpStatus.UNAUTHORIZED, "sign in first: HTTP Basic with your user name and password");
  }

  void sessionEnded(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (isProgram(request)) {
      write(response, HttpStatus.UNAUTHORIZED, "your session has ended (the account was changed or disabled); sign in again");
    } else {
      response.sendRedirect(request.getContextPath() + "/login?ended");
    }
  }

  void passwordChangeDue(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (isProgram(request)) {
      write(response, HttpStatus.FORBIDDEN, "set a new password first at " + AccountStateFilter.CHANGE_PASSWORD);
    } else {
      response.sendRedirect(request.getContextPath() + AccountStateFilter.CHANGE_PASSWORD);
    }
  }

  private void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", status.getReasonPhrase());
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("message", detail);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), body);
  }
}
