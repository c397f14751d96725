package cn.credit.workflow.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page's layout needs: times in the credit office's zone ({@code credit.zone}) as
 * {@code ${zone}}, and the language switch that keeps the page and its filters.
 */
@ControllerAdvice
class PageContext {

  private final Clock clock;

  PageContext(Clock clock) {
    this.clock = clock;
  }

  @ModelAttribute("zone")
  String zone() {
    return clock.getZone().getId();
  }

  /** The same page in the other language; a form's result page switches to the page the form came from. */
  @ModelAttribute("otherLanguageUrl")
  String otherLanguageUrl(HttpServletRequest request) {
    String other = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "zh_CN" : "en";
    Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (failed != null) {
      return failed + "?lang=" + other;
    }
    String referer = request.getHeader("Referer");
    if (!"GET".equals(request.getMethod()) && referer != null) {
      try {
        return UriComponentsBuilder.fromUriString(referer).replaceQueryParam("lang", other).build().toUriString()
            .replaceFirst("^[a-z]+://[^/]+", "");
      } catch (IllegalArgumentException notAUrl) {
        // a Referer header anyone can write: this page's own address then
      }
    }
    return ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("lang", other).build()
        .toUriString().replaceFirst("^[a-z]+://[^/]+", "");
  }
}
