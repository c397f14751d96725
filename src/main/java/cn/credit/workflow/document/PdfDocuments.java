package cn.credit.workflow.document;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Official documents as PDF: a Thymeleaf template under {@code templates/documents/} rendered by
 * openhtmltopdf, with the project's own CJK font (Noto Serif SC, copied into the build from its npm
 * package) embedded and subsetted, so that a document never depends on the fonts of the machine that
 * made it (ADR 0012).
 */
@Component
class PdfDocuments {

  /** The family the templates name in their CSS. */
  static final String FONT_FAMILY = "Noto Serif SC";
  private static final String FONTS = "fonts/noto-serif-sc/";

  private static final String REGULAR = "400Regular/NotoSerifSC_400Regular.ttf";
  private static final String BOLD = "700Bold/NotoSerifSC_700Bold.ttf";

  private final ITemplateEngine templates;
  private final ToUnicodeRepair toUnicode = new ToUnicodeRepair();

  private boolean learned;

  /** Only checks the fonts are there: reading their 15 MB waits for the first document, not every start. */
  PdfDocuments(ITemplateEngine templates) {
    this.templates = templates;
    for (String file : List.of(REGULAR, BOLD)) {
      if (!new ClassPathResource(FONTS + file).exists()) {
        // the build copies the font (pom.xml, execution noto-serif-sc): without it no document is right
        throw new IllegalStateException("font missing from the build: " + FONTS + file);
      }
    }
  }

  private synchronized void learnFonts() {
    if (learned) {
      return;
    }
    try {
      for (String file : List.of(REGULAR, BOLD)) {
        try (InputStream ttf = font(file)) {
          toUnicode.learn(ttf);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    learned = true;
  }

  /** The document {@code documents/<template>.html} with these variables, in Chinese. */
  byte[] render(String template, Map<String, Object> variables) {
    learnFonts();
    String xhtml = templates.process("documents/" + template, new Context(Locale.SIMPLIFIED_CHINESE, variables));
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    PdfRendererBuilder builder = new PdfRendererBuilder();
    // subset = true: only the glyphs a document uses go into it (some tens of KB, not the 15 MB font)
    builder.useFont(() -> font(REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true);
    builder.useFont(() -> font(BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true);
    builder.withHtmlContent(xhtml, null);
    builder.toStream(pdf);
    try {
      builder.run();
      return toUnicode.repaired(pdf.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream font(String file) {
    try {
      return new ClassPathResource(FONTS + file).getInputStream();
    } catch (IOException e) {
      // the build copies the font (pom.xml, execution noto-serif-sc): without it no document is right
      throw new UncheckedIOException("font missing from the build: " + FONTS + file, e);
    }
  }
}
