package cn.credit.workflow.security;

import cn.credit.workflow.system.WebSliceSupport;
import cn.credit.workflow.user.AccountService;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A web slice behind the application's own filter chains ({@link SecurityConfiguration}): the
 * access table, CSRF, the sign-in form and the JSON 401 answers run as in production. Left out is
 * what needs the database: the accounts (every signed-in person is enabled, with no password change
 * due), the sign-in throttle and the user store are stand-ins, so tests sign in with
 * {@code @WithMockUser} and {@link Accounts#session()}; no password is ever checked here.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebSliceSupport
@Import({SecurityConfiguration.class, ApiAnswers.class, SignInHandlers.class, SiteSecurity.Accounts.class})
@MockitoBean(types = {SignInThrottle.class, UserDetailsService.class})
public @interface SiteSecurity {

  /**
   * Every account enabled at session version 0, no password change due. {@code @WithMockUser} saves
   * its sign-in in the request's session, which the account-state filter then ends unless the
   * session carries the version the sign-in form gives it: {@link #session()} does.
   */
  @TestConfiguration(proxyBeanMethods = false)
  class Accounts {

    /** A session as the sign-in form leaves it. */
    public static RequestPostProcessor session() {
      return request -> {
        request.getSession().setAttribute(AccountService.SESSION_VERSION, 0);
        return request;
      };
    }

    @Bean
    AccountStates accountStates() {
      return new AccountStates(null) {
        @Override
        Optional<State> of(String username) {
          return Optional.of(new State(true, 0, false));
        }
      };
    }
  }
}
