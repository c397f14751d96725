package cn.credit.workflow.system;

import cn.credit.workflow.text.Text;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.persistence.PersistenceException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
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
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refusal with a message a person can act on: the API answers RFC 9457 problem details
 * (application/problem+json) that name each field, a page shows the error page. User input never
 * yields a 500. Applies to every controller, and to requests no controller was found for, so that
 * a 404 or 405 under /api is problem details too. Every text is by key, in the request's language.
 */
@RestControllerAdvice
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final MessageSource messages;

  ApiExceptionHandler(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(ApiProblem.class)
  Object problem(ApiProblem problem, HttpServletRequest request) {
    return respond(problem, request);
  }

  /**
   * A body the container could not read. The upload guard answers these before anything reads the
   * body; this is for a request that reaches a controller all the same.
   */
  @ExceptionHandler(MultipartException.class)
  Object multipart(MultipartException e, HttpServletRequest request) {
    return e instanceof MaxUploadSizeExceededException
        ? respond(new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, Text.of("problem.upload.tooLarge"), List.of()), request)
        : respond(ApiProblem.badRequest("problem.upload.unreadable"), request);
  }

  /**
   * The database is away (restarting, the network cut): 503 with Retry-After and a message that says
   * so, never a stack trace. The request's transaction did not commit, so nothing is half-done;
   * the pool finds the database again by itself when it is back. Anything else is not ours to answer.
   */
  @ExceptionHandler({DataAccessException.class, ProcessEngineException.class, PersistenceException.class,
      TransactionException.class})
  Object databaseAway(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
    if (!DatabaseAway.isCause(e)) {
      throw e;
    }
    log.warn("The database is not reachable: {} answered 503 ({})", request.getRequestURI(), DatabaseAway.rootMessage(e));
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseAway.RETRY_AFTER_SECONDS));
    return respond(new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, Text.of("problem.databaseAway"), List.of()),
        request);
  }

  /** Two people changed the same case at the same moment: the later one is told to reload, nothing is lost. */
  @ExceptionHandler({OptimisticLockingException.class, ObjectOptimisticLockingFailureException.class})
  Object concurrent(RuntimeException e, HttpServletRequest request) {
    return respond(ApiProblem.conflict("problem.concurrent"), request);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  Object missing(MissingServletRequestParameterException e, HttpServletRequest request) {
    return respond(new ApiProblem(HttpStatus.BAD_REQUEST, Text.of("problem.parameter.required", e.getParameterName()),
        List.of(FieldProblem.of(e.getParameterName(), "field.required"))), request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  Object mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    Text expected = expected(e.getRequiredType());
    return respond(new ApiProblem(HttpStatus.BAD_REQUEST,
        Text.of("problem.parameter.mismatch", e.getName(), expected, shortened(e.getValue())),
        List.of(new FieldProblem(e.getName(), expected))), request);
  }

  /** Not JSON at all, or JSON whose values do not fit: the latter names the field, e.g. {@code days[0].kind}. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = pathOf(mapping);
      Text expected = mapping instanceof MismatchedInputException mismatched
          ? expected(mismatched.getTargetType()) : expected(null);
      return respond(new ApiProblem(HttpStatus.BAD_REQUEST, Text.of("problem.field.mismatch", field, expected),
          List.of(new FieldProblem(field, expected))), request);
    }
    if (e.getCause() instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null
        && !Collection.class.isAssignableFrom(mismatched.getTargetType())) {
      return respond(ApiProblem.badRequest("problem.body.notAnObject"), request);
    }
    return respond(ApiProblem.badRequest("problem.body.notJson"), request);
  }

  /**
   * A body that breaks its constraints ({@code @Valid @RequestBody}): 422 naming each field. The
   * validator worded each message from the bundles in the request's language already.
   */
  @ExceptionHandler(MethodArgumentNotValidException.class)
  Object invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
    List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
        .map(error -> FieldProblem.of(error.getField(), "field.asChecked", error.getDefaultMessage())).toList();
    return respond(ApiProblem.unprocessable(errors, "problem.fields.invalid"), request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  Object method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    Object answer = respond(new ApiProblem(HttpStatus.METHOD_NOT_ALLOWED,
        Text.of("problem.method", e.getMethod()),
        List.of()), request);
    if (answer instanceof ResponseEntity<?> entity && e.getSupportedHttpMethods() != null) {
      return ResponseEntity.status(entity.getStatusCode()).headers(entity.getHeaders())
          .allow(e.getSupportedHttpMethods().toArray(HttpMethod[]::new)).body(entity.getBody());
    }
    return answer;
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  Object mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    return respond(new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        Text.of("problem.mediaType", e.getContentType() == null ? "" : e.getContentType()),
        List.of()), request);
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  Object notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
    return respond(new ApiProblem(HttpStatus.NOT_ACCEPTABLE, Text.of("problem.notAcceptable"), List.of()), request);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  Object notFound(NoResourceFoundException e, HttpServletRequest request) {
    return respond(ApiProblem.notFound("problem.nothingHere"), request);
  }

  /** Problem details for the API; for a page (a controller that renders views) the error page with the message. */
  private Object respond(ApiProblem problem, HttpServletRequest request) {
    Locale locale = LocaleContextHolder.getLocale();
    if (isPage(request)) {
      ModelAndView page = new ModelAndView("error", problem.status());
      page.addObject("status", problem.status().value());
      page.addObject("detail", FieldErrors.text(problem.detail(), messages, locale));
      return page;
    }
    return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag()).body(problem.body(messages, locale));
  }
  private static boolean isPage(HttpServletRequest request) {
    // the handler, when one was found: an exception handler is not given it for, say, a 405
    if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler)) {
      return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
    return !AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
        && !handler.hasMethodAnnotation(ResponseBody.class)
        && !HttpEntity.class.isAssignableFrom(handler.getReturnType().getParameterType());
  }

  /** Jackson's path to the value that did not fit: recordId, days[0].kind. */
  private static String pathOf(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference step : e.getPath()) {
      if (step.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
      } else if (step.getIndex() >= 0) {
        path.append('[').append(step.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  private static String shortened(Object value) {
    String text = String.valueOf(value);
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }

  /** What a value should have been, as the message beside its field ("须为整数" / "must be a whole number"). */
  private static Text expected(Class<?> type) {
    if (type == null) {
      return Text.of("expected.other");
    }
    if (type.isEnum()) {
      return Text.of("expected.oneOf", Arrays.stream(type.getEnumConstants()).map(Object::toString).toList().toString());
    }
    return switch (type.getSimpleName()) {
      case "LocalDate" -> Text.of("expected.date");
      case "int", "Integer", "long", "Long" -> Text.of("expected.wholeNumber");
      case "boolean", "Boolean" -> Text.of("expected.boolean");
      case "String" -> Text.of("expected.text");
      default -> Collection.class.isAssignableFrom(type) || type.isArray() ? Text.of("expected.list")
          : Map.class.isAssignableFrom(type) || type.isRecord() ? Text.of("expected.object")
          : Text.of("expected.type", type.getSimpleName());
    };
  }
}
