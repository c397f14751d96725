package cn.credit.workflow.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The languages the site speaks: Chinese, and English on request. A link ({@code ?lang=}) or a
 * cookie naming anything else is ignored: the page stays in the language it had, and nothing is
 * thrown or logged (Spring's own parsers throw on a malformed value, and log it).
 *
 * <p>The request's language (ADR 5): the {@code lang} cookie ({@code ?lang=} sets it); without
 * one, for the API ({@code /api/}) the first supported language of {@code Accept-Language}, an API
 * client's way to ask; otherwise Chinese. Pages do not follow the browser's language: the site is
 * Chinese unless a person switches.
 */
final class Languages {

  static final String PARAMETER = "lang";

  private Languages() {}

  /** The supported locale a value names (zh_CN, zh-CN, zh, en), or null. */
  static Locale supported(String value) {
    if (value == null) {
      return null;
    }
    return switch (value.strip().replace('-', '_').toLowerCase(Locale.ROOT)) {
      case "zh_cn", "zh" -> Locale.SIMPLIFIED_CHINESE;
      case "en" -> Locale.ENGLISH;
      default -> null;
    };
  }

  /** The language of a request that names none by cookie: Accept-Language for the API, else Chinese. */
  static Locale withoutCookie(HttpServletRequest request) {
    String asked = request.getHeader("Accept-Language");
    if (asked != null && request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      try {
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(asked)) {
          Locale locale = supported(range.getRange().split("-", 2)[0]);
          if (locale != null) {
            return locale;
          }
        }
      } catch (IllegalArgumentException malformed) {
        // a header no one can read asks for nothing
      }
    }
    return Locale.SIMPLIFIED_CHINESE;
  }

  /** Remembers the language in the cookie; a cookie naming no supported language means Chinese. */
  static final class Cookie extends CookieLocaleResolver {

    Cookie() {
      super(PARAMETER);
      // a time zone part that is not one is no reason to fail the page either
      setRejectInvalidCookies(false);
      setDefaultLocaleFunction(Languages::withoutCookie);
    }

    @Override
    protected Locale parseLocaleValue(String value) {
      return supported(value);
    }
  }

  /** {@code ?lang=en} on any page switches; a value naming no supported language changes nothing. */
  static final class Switch implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
      Locale chosen = supported(request.getParameter(PARAMETER));
      LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
      if (chosen != null && resolver != null) {
        resolver.setLocale(request, response, chosen);
      }
      return true;
    }
  }
}
