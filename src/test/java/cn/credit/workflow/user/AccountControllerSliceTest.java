package cn.credit.workflow.user;

import static cn.credit.workflow.security.SiteSecurity.Accounts.session;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import cn.credit.workflow.security.SiteSecurity;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldProblem;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The own-account page as a person submits it, behind the real filter chains ({@link SiteSecurity}):
 * a refused password is the form again with status 422 and each message beside its field, in the
 * page's language. Left out: the password checks themselves ({@link AccountService} and
 * {@link PasswordPolicy} are mocks) and the user table.
 */
@WebMvcTest(AccountController.class)
@SiteSecurity
@WithMockUser(username = "reviewer.market", roles = "REVIEWER")
class AccountControllerSliceTest {

  private static final FieldProblem TOO_COMMON = FieldProblem.of("newPassword", "password.common");

  @Autowired
  MockMvc mvc;

  @MockitoBean
  AccountService accounts;

  @MockitoBean
  PasswordPolicy policy;

  @BeforeEach
  void policy() {
    when(policy.minLength()).thenReturn(12);
  }

  @Test
  void aRefusedPasswordIsTheFormAgainWithTheMessageBesideItsField() throws Exception {
    when(accounts.changePassword("reviewer.market", "old-secret", "password1234", "password1234"))
        .thenThrow(ApiProblem.unprocessable(List.of(TOO_COMMON), "account.password.notChanged"));

    mvc.perform(change("password1234"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(view().name("account/password"))
        .andExpect(content().string(containsString("id=\"password-form\"")))
        .andExpect(content().string(containsString("新密码至少12位")))
        .andExpect(content().string(besideField("newPassword", "密码过于常见，容易被猜中")))
        .andExpect(content().string(not(containsString("too common"))))
        .andExpect(content().string(not(matchesPattern(Pattern.compile(
            ".*<div class=\"field invalid\">\\s*<label for=\"currentPassword\".*", Pattern.DOTALL)))));
  }

  @Test
  void inEnglishTheMessageIsTheEnglishHalf() throws Exception {
    when(accounts.changePassword("reviewer.market", "old-secret", "password1234", "password1234"))
        .thenThrow(ApiProblem.unprocessable(List.of(TOO_COMMON), "account.password.notChanged"));

    mvc.perform(change("password1234").param("lang", "en"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(besideField("newPassword", "too common, easily guessed")));
  }

  /** This session goes on at the account's new version (the others end); the person lands home, told. */
  @Test
  void aChangedPasswordKeepsThisSessionAndGoesHome() throws Exception {
    when(accounts.changePassword("reviewer.market", "old-secret", "a-Long-new-one-7", "a-Long-new-one-7")).thenReturn(5);

    mvc.perform(change("a-Long-new-one-7"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/home"))
        .andExpect(flash().attribute("notice", "account.password.changed"))
        .andExpect(request().sessionAttribute(AccountService.SESSION_VERSION, 5));
  }

  @Test
  void withoutTheFormsCsrfTokenNothingIsChanged() throws Exception {
    mvc.perform(post("/account/password").with(session()).param("currentPassword", "old-secret")
            .param("newPassword", "a-Long-new-one-7").param("repeatPassword", "a-Long-new-one-7"))
        .andExpect(status().isForbidden());
    verifyNoInteractions(accounts);
  }

  private static MockHttpServletRequestBuilder change(String newPassword) {
    return post("/account/password").with(session()).with(csrf()).param("currentPassword", "old-secret")
        .param("newPassword", newPassword).param("repeatPassword", newPassword);
  }

  /** The field's block, marked invalid, with the message inside it (not above the form). */
  private static org.hamcrest.Matcher<String> besideField(String field, String message) {
    return matchesPattern(Pattern.compile(".*<div class=\"field invalid\">\\s*<label for=\"" + field + "\"[^<]*</label>\\s*"
        + "<input [^>]*name=\"" + field + "\"[^>]*>\\s*<div class=\"message\">" + Pattern.quote(message) + "</div></div>.*",
        Pattern.DOTALL));
  }
}
