package cn.credit.workflow.security;

import cn.credit.workflow.user.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

/**
 * Who may see what. Pages use form login with CSRF protection; the JSON API under /api uses HTTP
 * Basic; the Camunda webapps and the engine's REST API are for administrators only.
 */
@Configuration
class SecurityConfiguration {

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
    String admin = Role.ADMIN.name();
    http
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/", "/login", "/error", "/public/**", "/css/**", "/js/**", "/img/**", "/webjars/**",
                "/favicon.ico")
            .permitAll()
            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
            .requestMatchers("/api/calendar/**").permitAll()
            .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
            .requestMatchers("/camunda/**", "/engine-rest/**", "/actuator/**", "/admin/**", "/api/admin/**").hasRole(admin)
            .requestMatchers("/portal/**").hasRole(Role.APPLICANT.name())
            .requestMatchers("/tasks/**", "/cases/**").hasAnyRole(Role.REVIEWER.name(), Role.LEADER.name(),
                Role.CITY_LEADER.name(), admin)
            .requestMatchers("/oversight/**").hasAnyRole(Role.LEADER.name(), Role.CITY_LEADER.name())
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/home").permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/?logout"))
        .httpBasic(Customizer.withDefaults())
        // the API answers 401 rather than redirecting a program to the login page
        .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
            new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), new AntPathRequestMatcher("/api/**")))
        // Camunda's webapps carry their own CSRF token. A program calling /api with HTTP Basic (or with
        // no credentials, to be told 401) has no session to ride on; a browser session calling /api
        // still needs the token.
        .csrf(csrf -> csrf.ignoringRequestMatchers(new AntPathRequestMatcher("/camunda/**"),
            new AntPathRequestMatcher("/engine-rest/**"),
            request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                && (request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getRequestedSessionId() == null)));
    return http.build();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}
