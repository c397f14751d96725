package cn.credit.workflow.document;

import cn.credit.workflow.letter.Letter;
import cn.credit.workflow.text.Text;
import cn.credit.workflow.text.Texts;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A letter (decision letter, later the other notices) as the PDF the applicant files and shows: the
 * same facts as the printable page, with the absolute verification address, in words and as a QR
 * code. Rendered on each request for now; ADR 0012 says how it becomes issued once and kept.
 */
@Component
class LetterDocuments {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final PdfDocuments pdf;
  private final Texts texts;
  private final Clock clock;
  private final String siteUrl;

  LetterDocuments(PdfDocuments pdf, Texts texts, Clock clock, @Value("${credit.site-url}") String siteUrl) {
    this.pdf = pdf;
    this.texts = texts;
    this.clock = clock;
    this.siteUrl = siteUrl.replaceAll("/+$", "");
  }

  /** Where the QR code and the printed address lead: the public check page with the letter's code. */
  String verificationUrl(Letter letter) {
    return UriComponentsBuilder.fromUriString(siteUrl).path("/public/verify").queryParam("code", letter.code())
        .encode().toUriString();
  }

  byte[] decisionLetter(Letter letter) {
    String url = verificationUrl(letter);
    Map<String, Object> variables = new HashMap<>();
    variables.put("letter", letter);
    variables.put("verifyUrl", url);
    variables.put("qr", QrCodes.pngDataUri(url));
    variables.put("issuedOn", letter.issuedAt() == null ? "" : DATE.format(letter.issuedAt().atZone(clock.getZone())));
    return pdf.render("letter", variables);
  }

  /** "信用修复决定书（R-2026-000042）.pdf": the title and the case, as a clerk files it. */
  String fileName(Letter letter) {
    return texts.zh(Text.of("document.fileName", letter.titleZh(), letter.caseRef()));
  }
}
