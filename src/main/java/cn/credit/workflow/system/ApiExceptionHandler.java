package cn.credit.workflow.system;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
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
 * a 404 or 405 under /api is problem details too.
 */
@RestControllerAdvice
class ApiExceptionHandler {

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
        ? respond(new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "上传的文件过大 / the upload is too large", List.of()), request)
        : respond(ApiProblem.badRequest("上传的内容无法读取 / the multipart body cannot be read"), request);
  }

  /** Two people changed the same case at the same moment: the later one is told to reload, nothing is lost. */
  @ExceptionHandler({OptimisticLockingException.class, ObjectOptimisticLockingFailureException.class})
  Object concurrent(RuntimeException e, HttpServletRequest request) {
    return respond(ApiProblem.conflict("someone else changed this at the same moment; reload and try again"),
        request);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  Object missing(MissingServletRequestParameterException e, HttpServletRequest request) {
    return respond(new ApiProblem(HttpStatus.BAD_REQUEST, "parameter '" + e.getParameterName() + "' is required",
        List.of(e.getParameterName() + ": 必填 / is required")), request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  Object mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    Expected expected = Expected.of(e.getRequiredType());
    return respond(new ApiProblem(HttpStatus.BAD_REQUEST, "parameter '" + e.getName() + "' must be " + expected.en()
        + ", not '" + shortened(e.getValue()) + "'", List.of(e.getName() + ": " + expected.message())), request);
  }

  /** Not JSON at all, or JSON whose values do not fit: the latter names the field, e.g. {@code days[0].kind}. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = pathOf(mapping);
      Expected expected = mapping instanceof MismatchedInputException mismatched
          ? Expected.of(mismatched.getTargetType()) : Expected.of(null);
      return respond(new ApiProblem(HttpStatus.BAD_REQUEST, field + " must be " + expected.en(),
          List.of(field + ": " + expected.message())), request);
    }
    if (e.getCause() instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null
        && !Collection.class.isAssignableFrom(mismatched.getTargetType())) {
      return respond(ApiProblem.badRequest("the request body must be a JSON object"), request);
    }
    return respond(ApiProblem.badRequest("the request body is not valid JSON for this request"), request);
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  Object invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
    List<String> errors = e.getBindingResult().getFieldErrors().stream()
        .map(error -> error.getField() + ": " + error.getDefaultMessage()).toList();
    return respond(ApiProblem.unprocessable("some fields are not valid", errors), request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  Object method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    Object answer = respond(new ApiProblem(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage(), List.of()), request);
    if (answer instanceof ResponseEntity<?> entity && e.getSupportedHttpMethods() != null) {
      return ResponseEntity.status(entity.getStatusCode()).headers(entity.getHeaders())
          .allow(e.getSupportedHttpMethods().toArray(HttpMethod[]::new)).body(entity.getBody());
    }
    return answer;
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  Object mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    return respond(new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage(), List.of()), request);
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  Object notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
    return respond(new ApiProblem(HttpStatus.NOT_ACCEPTABLE, "this answer is JSON; ask for application/json",
        List.of()), request);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  Object notFound(NoResourceFoundException e, HttpServletRequest request) {
    return respond(ApiProblem.notFound("nothing here"), request);
  }

  /** Problem details for the API; for a page (a controller that renders views) the error page with the message. */
  private static Object respond(ApiProblem problem, HttpServletRequest request) {
    if (isPage(request)) {
      ModelAndView page = new ModelAndView("error", problem.status());
      page.addObject("status", problem.status().value());
      page.addObject("detail", FieldErrors.localized(problem.getMessage(), LocaleContextHolder.getLocale()));
      return page;
    }
    return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem.body());
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

  /** What a value should have been, in both languages. */
  private record Expected(String zh, String en) {

    static Expected of(Class<?> type) {
      if (type == null) {
        return new Expected("值的类型不对", "a value of another type");
      }
      if (type.isEnum()) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
        return new Expected("须为 " + names + " 之一", "one of " + names);
      }
      return switch (type.getSimpleName()) {
        case "LocalDate" -> new Expected("须为 yyyy-MM-dd 格式的日期", "a date written yyyy-MM-dd");
        case "int", "Integer", "long", "Long" -> new Expected("须为整数", "a whole number");
        case "boolean", "Boolean" -> new Expected("须为 true 或 false", "true or false");
        case "String" -> new Expected("须为文字", "text");
        default -> Collection.class.isAssignableFrom(type) || type.isArray()
            ? new Expected("须为列表", "a list")
            : Map.class.isAssignableFrom(type) || type.isRecord()
                ? new Expected("须为对象", "an object")
                : new Expected("值的类型不对", "a " + type.getSimpleName());
      };
    }

    String message() {
      return zh + " / must be " + en;
    }
  }
}
