package cn.credit.workflow.system;

import cn.credit.workflow.text.Text;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A refusal the API answers with a status and a text by key saying what is wrong; for 422, each
 * problem in {@code errors}, by field. Services throw it; {@link ApiExceptionHandler} writes it in
 * the request's language.
 */
public class ApiProblem extends RuntimeException {

  private final HttpStatus status;
  private final Text detail;
  private final List<FieldProblem> errors;
  private final Map<String, Object> details;

  public ApiProblem(HttpStatus status, Text detail, List<FieldProblem> errors) {
    this(status, detail, errors, Map.of());
  }

  /** With fields the client can act on beside the message, e.g. {@code earliestRepairDate}. */
  public ApiProblem(HttpStatus status, Text detail, List<FieldProblem> errors, Map<String, Object> details) {
    super(detail.toString()); // the key, for logs; the reader gets the text
    this.status = status;
    this.detail = detail;
    this.errors = List.copyOf(errors);
    this.details = Map.copyOf(details);
  }

  public static ApiProblem badRequest(String key, Object... args) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, Text.of(key, args), List.of());
  }

  public static ApiProblem forbidden(String key, Object... args) {
    return new ApiProblem(HttpStatus.FORBIDDEN, Text.of(key, args), List.of());
  }

  public static ApiProblem notFound(String key, Object... args) {
    return new ApiProblem(HttpStatus.NOT_FOUND, Text.of(key, args), List.of());
  }

  public static ApiProblem conflict(String key, Object... args) {
    return new ApiProblem(HttpStatus.CONFLICT, Text.of(key, args), List.of());
  }

  public static ApiProblem unprocessable(List<FieldProblem> errors, String key, Object... args) {
    return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, Text.of(key, args), errors);
  }

  public HttpStatus status() {
    return status;
  }

  public Text detail() {
    return detail;
  }

  public List<FieldProblem> errors() {
    return errors;
  }

  public Map<String, Object> details() {
    return details;
  }

  /**
   * For a page that shows its form again with the messages: a 422 becomes the response's status;
   * any other refusal is thrown on, to the error page.
   */
  public void answeredOnThePage(HttpServletResponse response) {
    if (status != HttpStatus.UNPROCESSABLE_ENTITY) {
      throw this;
    }
    response.setStatus(status.value());
  }

  /**
   * The refusal as RFC 9457 problem details in {@code locale}: title, status, detail and, for
   * field problems, one entry per field. {@code error}, {@code message} and {@code errors}
   * ("field: message") are the members this API wrote before problem details; they stay for the
   * clients that read them.
   */
  public ProblemDetail body(MessageSource messages, Locale locale) {
    String text = FieldErrors.text(detail, messages, locale);
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, text);
    body.setProperty("error", status.getReasonPhrase());
    body.setProperty("message", text);
    if (!errors.isEmpty()) {
      body.setProperty("errors", errors.stream().map(e -> {
        String message = FieldErrors.text(e, messages, locale);
        return e.field().isEmpty() ? message : e.field() + ": " + message;
      }).toList());
      body.setProperty("fields", errors.stream().filter(e -> !e.field().isEmpty()).map(e -> {
        Map<String, String> field = new LinkedHashMap<>();
        field.put("field", e.field());
        field.put("message", FieldErrors.text(e, messages, locale));
        return field;
      }).toList());
    }
    details.forEach(body::setProperty);
    return body;
  }
}
