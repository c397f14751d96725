package cn.credit.workflow.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/** Every API refusal as JSON with a message a person can act on; user input never yields a 500. */
@RestControllerAdvice(basePackages = "cn.credit.workflow")
class ApiExceptionHandler {

  /** JSON for the API; a page (a controller that renders views) shows the friendly error page instead. */
  @ExceptionHandler(ApiProblem.class)
  Object problem(ApiProblem problem, HandlerMethod handler) {
    if (handler != null && !AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)) {
      ModelAndView page = new ModelAndView("error", problem.status());
      page.addObject("status", problem.status().value());
      page.addObject("message", problem.getMessage());
      return page;
    }
    ResponseEntity<Map<String, Object>> response = body(problem.status(), problem.getMessage(), problem.errors());
    response.getBody().putAll(problem.details());
    return response;
  }

  /** A request larger than the server takes at all: the page says how large files may be. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  Object tooLarge(MaxUploadSizeExceededException e,
      HttpServletRequest request) {
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return body(HttpStatus.PAYLOAD_TOO_LARGE, "the upload is too large: each file at most 10 MB", List.of());
    }
    ModelAndView page = new ModelAndView("error", HttpStatus.PAYLOAD_TOO_LARGE);
    page.addObject("status", HttpStatus.PAYLOAD_TOO_LARGE.value());
    return page;
  }

  /** Two people changed the same case at the same moment: the later one is told to reload, nothing is lost. */
  @ExceptionHandler({OptimisticLockingException.class, ObjectOptimisticLockingFailureException.class})
  ResponseEntity<Map<String, Object>> concurrent(RuntimeException e) {
    return body(HttpStatus.CONFLICT, "someone else changed this at the same moment; reload and try again", List.of());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
    return body(HttpStatus.BAD_REQUEST, "parameter '" + e.getParameterName() + "' is required", List.of());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
    String expected = e.getRequiredType() == null ? "another value" : switch (e.getRequiredType().getSimpleName()) {
      case "LocalDate" -> "a date written yyyy-MM-dd";
      case "int", "Integer", "long", "Long" -> "a whole number";
      default -> "a " + e.getRequiredType().getSimpleName();
    };
    return body(HttpStatus.BAD_REQUEST, "parameter '" + e.getName() + "' must be " + expected + ", not '"
        + e.getValue() + "'", List.of());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return body(HttpStatus.BAD_REQUEST, "the request body is not valid JSON for this request", List.of());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException e) {
    List<String> errors = e.getBindingResult().getFieldErrors().stream()
        .map(error -> error.getField() + ": " + error.getDefaultMessage()).toList();
    return body(HttpStatus.UNPROCESSABLE_ENTITY, "some fields are not valid", errors);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
    return body(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage(), List.of());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
    return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage(), List.of());
  }

  private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message, List<String> errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.value());
    body.put("error", status.getReasonPhrase());
    body.put("message", message);
    if (!errors.isEmpty()) {
      body.put("errors", errors);
    }
    return ResponseEntity.status(status).body(body);
  }
}
