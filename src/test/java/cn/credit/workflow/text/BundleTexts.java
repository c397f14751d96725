package cn.credit.workflow.text;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The application's real bundles, read as the application reads them, for tests without Spring. */
public final class BundleTexts {

  private BundleTexts() {}

  public static Texts load() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename("messages/messages");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return new Texts(source);
  }
}
