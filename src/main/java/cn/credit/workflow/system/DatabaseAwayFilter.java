package cn.credit.workflow.system;

import cn.credit.workflow.text.Text;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The database away where no controller answers: in the filters before them (the account check of
 * every signed-in request, the audit), the answer is the same 503 with Retry-After as
 * {@link ApiExceptionHandler} gives, not a server error. Runs before the security filters.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DatabaseAwayFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseAwayFilter.class);

  private final MessageSource messages;
  private final LocaleResolver locales;
  private final ObjectMapper json;

  DatabaseAwayFilter(MessageSource messages, LocaleResolver locales, ObjectMapper json) {
    this.messages = messages;
    this.locales = locales;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (!DatabaseAway.isCause(e) || response.isCommitted()) {
        throw e;
      }
      log.warn("The database is not reachable: {} answered 503 ({})", request.getRequestURI(), DatabaseAway.rootMessage(e));
      response.reset();
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseAway.RETRY_AFTER_SECONDS));
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/engine-rest")) {
        Locale locale = locales.resolveLocale(request);
        ProblemResponses.write(response, json, HttpStatus.SERVICE_UNAVAILABLE,
            messages.getMessage(Text.of("problem.databaseAway"), locale), locale);
      } else {
        response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value()); // the error page, error.503.*
      }
    }
  }
}
