package cn.credit.workflow.system;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A refusal the API answers with a status and a message saying what is wrong; for 422, each
 * problem in {@code errors}. Services throw it; {@link ApiExceptionHandler} writes it.
 */
public class ApiProblem extends RuntimeException {

  private final HttpStatus status;
  private final List<String> errors;
  private final Map<String, Object> details;

  public ApiProblem(HttpStatus status, String message, List<String> errors) {
    this(status, message, errors, Map.of());
  }

  /** With fields the client can act on beside the message, e.g. {@code earliestRepairDate}. */
  public ApiProblem(HttpStatus status, String message, List<String> errors, Map<String, Object> details) {
    super(message);
    this.status = status;
    this.errors = List.copyOf(errors);
    this.details = Map.copyOf(details);
  }

  public static ApiProblem badRequest(String message) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, message, List.of());
  }

  public static ApiProblem forbidden(String message) {
    return new ApiProblem(HttpStatus.FORBIDDEN, message, List.of());
  }

  public static ApiProblem notFound(String message) {
    return new ApiProblem(HttpStatus.NOT_FOUND, message, List.of());
  }

  public static ApiProblem conflict(String message) {
    return new ApiProblem(HttpStatus.CONFLICT, message, List.of());
  }

  public static ApiProblem unprocessable(String message, List<String> errors) {
    return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, message, errors);
  }

  public HttpStatus status() {
    return status;
  }

  public List<String> errors() {
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
   * The refusal as RFC 9457 problem details: title, status, detail and, for field problems, one
   * entry per field. {@code error}, {@code message} and {@code errors} are the members this API
   * wrote before problem details; they stay for the clients that read them.
   */
  public ProblemDetail body() {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, getMessage());
    body.setProperty("error", status.getReasonPhrase());
    body.setProperty("message", getMessage());
    if (!errors.isEmpty()) {
      body.setProperty("errors", errors);
      body.setProperty("fields", errors.stream().filter(e -> !FieldErrors.fieldOf(e).isEmpty())
          .map(e -> {
            Map<String, String> field = new LinkedHashMap<>();
            field.put("field", FieldErrors.fieldOf(e));
            field.put("message", FieldErrors.messageOf(e));
            return field;
          }).toList());
    }
    details.forEach(body::setProperty);
    return body;
  }
}
