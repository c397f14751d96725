package cn.credit.workflow.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * Spring Boot's error page, but a request for /error itself (not an error being shown) is a page
 * that does not exist, 404, where Boot answers 500 as if the server had failed.
 */
@Configuration
class ErrorPages {

  @Bean
  BasicErrorController errorController(ErrorAttributes attributes, ServerProperties server,
      ObjectProvider<ErrorViewResolver> resolvers) {
    return new BasicErrorController(attributes, server.getError(), resolvers.orderedStream().toList()) {
      @Override
      protected HttpStatus getStatus(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null ? HttpStatus.NOT_FOUND
            : super.getStatus(request);
      }
    };
  }
}
