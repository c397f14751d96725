package cn.credit.workflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request Spring Security's firewall rejects (path parameters {@code ;x=y}, {@code %2e%2e},
 * {@code //}, …) is answered 400, before any filter reads its path. Spring Security checks it too,
 * but only inside its own filter chain, and its chain first hands the path to Spring's
 * ServletRequestPathFilter, which throws (a 500) on such a path under a servlet of its own such as
 * the engine's REST API at /engine-rest.
 */
@Configuration
class RequestFirewall {

  /** Picked up by Spring Security's filter chain too: a rejected request is a 400 there as well. */
  @Bean
  RequestRejectedHandler requestRejectedHandler() {
    return new HttpStatusRequestRejectedHandler(HttpStatus.BAD_REQUEST.value());
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> requestFirewallFilter(ObjectProvider<HttpFirewall> firewall,
      RequestRejectedHandler rejected) {
    HttpFirewall rules = firewall.getIfAvailable(StrictHttpFirewall::new);
    var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        try {
          rules.getFirewalledRequest(request);
        } catch (RequestRejectedException e) {
          rejected.handle(request, response, e);
          return;
        }
        chain.doFilter(request, response);
      }
    });
    registration.setName("requestFirewall");
    // before Spring Security, and before the upload guard reads a body
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 2);
    return registration;
  }
}
