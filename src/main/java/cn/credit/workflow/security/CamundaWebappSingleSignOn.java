package cn.credit.workflow.security;

import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Camunda webapps take the person signed in to the app (Spring Security puts them on the
 * request as its principal) instead of asking for a second password. Groups come from the engine's
 * identity, which {@link cn.credit.workflow.process.identity.EngineIdentitySync} keeps in step.
 */
@Configuration
class CamundaWebappSingleSignOn {

  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaContainerAuthentication() {
    var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setInitParameters(Map.of("authentication-provider", ContainerBasedAuthenticationProvider.class.getName()));
    registration.addUrlPatterns("/camunda/*");
    // right after Spring Security, so the principal is already known
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }
}
