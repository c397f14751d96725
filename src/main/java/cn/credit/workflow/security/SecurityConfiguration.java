package cn.credit.workflow.security;

import cn.credit.workflow.audit.AuditLog;
import cn.credit.workflow.user.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may see what ({@link AccessRules}) and how people and programs sign in:
 * <ul>
 *   <li>pages: the sign-in form, a session cookie (SameSite=Lax, Secure over HTTPS) and CSRF on every form;
 *   <li>/api and /actuator: HTTP Basic for programs, or the page session with its CSRF token;
 *   <li>/engine-rest: HTTP Basic only, for administrators, never a session: a page on another site
 *       cannot ride on a signed-in administrator's cookie to deploy a process.
 * </ul>
 * Every password check goes through the throttle, every signed-in request through the account's state.
 */
@Configuration
class SecurityConfiguration {

  private final AuthenticationManager authentication;
  private final AccountStateFilter accountState;
  private final ApiAnswers answers;
  private final String contentSecurityPolicy;

  SecurityConfiguration(UserDetailsService users, SignInThrottle throttle, AuditLog audit,
      AccountStates accounts, ApiAnswers answers,
      @Value("${credit.security.content-security-policy}") String contentSecurityPolicy) {
    DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
    passwords.setPasswordEncoder(passwordEncoder());
    this.authentication = new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle, audit));
    this.accountState = new AccountStateFilter(accounts, audit, answers);
    this.answers = answers;
    this.contentSecurityPolicy = contentSecurityPolicy;
  }

  /** The engine's REST API: stateless HTTP Basic for administrators; no cookie is ever read or set. */
  @Bean
  @Order(1)
  SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
    // Ant matchers: the engine's REST API is its own servlet, not Spring MVC
    http.securityMatcher(new AntPathRequestMatcher("/engine-rest/**"))
        .authenticationManager(authentication)
        .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(Role.ADMIN.name()))
        .httpBasic(basic -> basic.authenticationEntryPoint(answers))
        .exceptionHandling(ex -> ex.authenticationEntryPoint(answers))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .requestCache(AbstractHttpConfigurer::disable)
        .csrf(AbstractHttpConfigurer::disable) // nothing here is authenticated by anything a browser sends by itself
        .addFilterBefore(accountState, AuthorizationFilter.class)
        .headers(this::headers);
    return http.build();
  }

  /** The JSON API and operations: HTTP Basic, or the page session (then with its CSRF token). */
  @Bean
  @Order(2)
  SecurityFilterChain api(HttpSecurity http) throws Exception {
    http.securityMatcher(new OrRequestMatcher(new AntPathRequestMatcher("/api/**"), new AntPathRequestMatcher("/actuator/**")))
        .authenticationManager(authentication)
        .authorizeHttpRequests(this::rules)
        .httpBasic(basic -> basic.authenticationEntryPoint(answers))
        .exceptionHandling(ex -> ex.authenticationEntryPoint(answers))
        .requestCache(AbstractHttpConfigurer::disable)
        // a program calling with HTTP Basic (or with nothing, to be told 401) has no session to ride on
        .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null
            || request.getRequestedSessionId() == null))
        .addFilterBefore(accountState, AuthorizationFilter.class)
        .headers(this::headers);
    return http.build();
  }

  /** The pages: the sign-in form only (no HTTP Basic), CSRF on every form. */
  @Bean
  @Order(3)
  SecurityFilterChain pages(HttpSecurity http, SignInHandlers signIn) throws Exception {
    http.authenticationManager(authentication)
        .authorizeHttpRequests(this::rules)
        .formLogin(form -> form.loginPage("/login").successHandler(signIn).failureHandler(signIn).permitAll())
        .logout(logout -> logout.addLogoutHandler(signIn).logoutSuccessUrl("/?logout"))
        // Camunda's webapps carry their own CSRF token (X-XSRF-TOKEN)
        .csrf(csrf -> csrf.ignoringRequestMatchers(new AntPathRequestMatcher("/camunda/**")))
        .addFilterBefore(accountState, AuthorizationFilter.class)
        .headers(this::headers);
    return http.build();
  }

  private void rules(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
    for (AccessRules.Rule rule : AccessRules.TABLE) {
      String[] patterns = rule.patterns().toArray(String[]::new);
      var matched = rule.method() == null ? auth.requestMatchers(patterns) : auth.requestMatchers(rule.method(), patterns);
      if (rule.open()) {
        matched.permitAll();
      } else if (rule.roles().isEmpty()) {
        matched.authenticated();
      } else {
        matched.hasAnyRole(rule.roles().stream().map(Enum::name).toArray(String[]::new));
      }
    }
    auth.anyRequest().authenticated();
  }

  /**
   * CSP without inline script for the app's own pages; the Camunda webapps send their own policy
   * (with nonces), which a second header would only narrow and break.
   */
  private void headers(HeadersConfigurer<HttpSecurity> headers) {
    headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
        .frameOptions(HeadersConfigurer.FrameOptionsConfig::sameOrigin)
        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
            new NegatedRequestMatcher(new AntPathRequestMatcher("/camunda/**")),
            new ContentSecurityPolicyHeaderWriter(contentSecurityPolicy)));
  }

  @Bean
  static PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}
