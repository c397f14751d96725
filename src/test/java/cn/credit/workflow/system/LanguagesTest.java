package cn.credit.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Without a lang cookie the API answers in the language its client asks for; a page stays Chinese. */
class LanguagesTest {

  @Test
  void theApiFollowsAcceptLanguageAndAPageDoesNot() {
    assertThat(Languages.withoutCookie(request("/api/tasks", "en-US,en;q=0.9"))).isEqualTo(Locale.ENGLISH);
    assertThat(Languages.withoutCookie(request("/api/tasks", "fr-FR, en;q=0.5"))).isEqualTo(Locale.ENGLISH);
    assertThat(Languages.withoutCookie(request("/api/tasks", "zh-CN"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    assertThat(Languages.withoutCookie(request("/api/tasks", "fr, de"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    assertThat(Languages.withoutCookie(request("/api/tasks", null))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    assertThat(Languages.withoutCookie(request("/api/tasks", ";;;q=x,,"))).as("a header no one can read")
        .isEqualTo(Locale.SIMPLIFIED_CHINESE);
    assertThat(Languages.withoutCookie(request("/tasks", "en"))).as("a page").isEqualTo(Locale.SIMPLIFIED_CHINESE);
  }

  private static MockHttpServletRequest request(String path, String acceptLanguage) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    if (acceptLanguage != null) {
      request.addHeader("Accept-Language", acceptLanguage);
    }
    return request;
  }
}
