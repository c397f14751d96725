package cn.credit.workflow.attachment;

import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldProblem;
import cn.credit.workflow.text.Text;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Reads a multipart body before anything else does, so that a body the server cannot read is
 * answered for what it is: too large 413 (with the configured limit), a file name the container
 * refuses (NUL in it) 422, broken 400. Nothing after this filter could act on such a body: Spring
 * Security's CSRF check looks for {@code _csrf} in it, found none and answered 403 "无权访问", and
 * Tomcat threw on the file name, a 500. Only for the application's own pages and API; the engine's
 * REST API reads its uploads itself.
 */
@Component
class UploadGuard extends OncePerRequestFilter implements Ordered {

  /** Request attribute with the refusal in the page's language; the error page shows it. */
  static final String DETAIL = "detail";

  private final AttachmentRules rules;
  private final MessageSource messages;
  private final LocaleResolver locales;
  private final ObjectMapper json;

  UploadGuard(AttachmentRules rules, MessageSource messages, LocaleResolver locales, ObjectMapper json) {
    this.rules = rules;
    this.messages = messages;
    this.locales = locales;
    this.json = json;
  }

  /** After the request firewall, before Spring Security. */
  @Override
  public int getOrder() {
    return SecurityProperties.DEFAULT_FILTER_ORDER - 1;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return type == null || !type.regionMatches(true, 0, "multipart/", 0, "multipart/".length())
        || !DispatcherServletAutoConfiguration.DEFAULT_DISPATCHER_SERVLET_BEAN_NAME.equals(
            request.getHttpServletMapping().getServletName());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Refusal refusal = read(request);
    if (refusal == null) {
      chain.doFilter(request, response);
    } else if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      Text text = Text.of(refusal.key, limit());
      ApiProblem problem = new ApiProblem(refusal.status, text,
          refusal.field ? List.of(new FieldProblem("files", text)) : List.of());
      Locale locale = locales.resolveLocale(request);
      response.setStatus(refusal.status.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
      json.writeValue(response.getOutputStream(), problem.body(messages, locale));
    } else {
      request.setAttribute(DETAIL, text(refusal, locales.resolveLocale(request)));
      response.sendError(refusal.status.value());
    }
  }

  /** Parses the body (the parts stay parsed for whoever reads them next); what is wrong with it, or null. */
  private static Refusal read(HttpServletRequest request) {
    try {
      request.getParts();
      return null;
    } catch (InvalidFileNameException e) {
      return Refusal.FILE_NAME;
    } catch (IllegalStateException e) {
      return e.getCause() instanceof SizeException ? Refusal.TOO_LARGE : Refusal.BROKEN;
    } catch (IOException | ServletException e) {
      return Refusal.BROKEN;
    }
  }

  private String text(Refusal refusal, Locale locale) {
    return messages.getMessage(refusal.key, new Object[] {limit()}, locale);
  }

  private String limit() {
    return rules.maxFileSize().toMegabytes() + " MB";
  }

  private enum Refusal {
    TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "upload.tooLarge", true),
    FILE_NAME(HttpStatus.UNPROCESSABLE_ENTITY, "upload.fileName", true),
    BROKEN(HttpStatus.BAD_REQUEST, "upload.broken", false);

    final HttpStatus status;
    final String key;
    /** Whether the refusal is about the file field rather than the body as a whole. */
    final boolean field;

    Refusal(HttpStatus status, String key, boolean field) {
      this.status = status;
      this.key = key;
      this.field = field;
    }
  }
}
