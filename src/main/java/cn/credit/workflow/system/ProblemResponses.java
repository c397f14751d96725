package cn.credit.workflow.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Problem details written where no controller answers (the filters): the same members as
 * {@link ApiProblem#body}, {@code detail} and {@code message} alike, in the request's language.
 */
public final class ProblemResponses {

  private ProblemResponses() {}

  public static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail,
      Locale locale) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", status.getReasonPhrase());
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("message", detail);
    response.setStatus(status.value());
    response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), body);
  }
}
