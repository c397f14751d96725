package cn.credit.workflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.letter.Letter;
import cn.credit.workflow.text.Texts;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The decision letter as the PDF an applicant files: rendered from the template and the bundles as
 * the application has them (no Spring context, no browser), then read back as a bank would: its
 * text, its fonts, and its QR code off the rendered page.
 */
class DecisionLetterPdfTest {

  private static final String SITE = "https://credit.example.gov.cn/";
  /** Issued at 01:30 on 1 November in Shanghai, still 31 October in UTC. */
  private static final Instant ISSUED = Instant.parse("2026-10-31T17:30:00Z");
  private static final Letter GRANTED = new Letter("7KQM-3XPA-9RTD", "信用修复决定书", "Credit repair decision",
      "你单位就我单位作出的鲁环罚〔2026〕12号《超标排放大气污染物》相关失信信息提出的信用修复申请（案件编号 R-2026-000042），经审查，决定如下：",
      "R-2026-000042", "某某环保科技有限公司", "91310000MA1FL8XQ30", "市生态环境局", "Municipal Ecology Bureau",
      "超标排放大气污染物", "鲁环罚〔2026〕12号", "准予信用修复，该失信信息停止公示，各联合惩戒部门解除相关惩戒措施。",
      "Repair granted; publication stopped.", "已履行行政处罚并提交信用承诺书。", ISSUED,
      "办理依据：《信用修复管理办法》（国家发展改革委令2025年第36号），2026-04-01起施行。", "Handled under Order No. 36");
  private static final Letter REFUSED = new Letter("P8WX-4HNC-6TJE", "信用修复决定书", "Credit repair decision",
      "你单位就我单位作出的鲁税罚〔2026〕7号《逾期未申报》相关失信信息提出的信用修复申请（案件编号 R-2026-000043），经审查，决定如下：",
      "R-2026-000043", "某某商贸有限公司", "91370100MA3C4XYZ1K", "市税务局", "Municipal Tax Bureau", "逾期未申报",
      "鲁税罚〔2026〕7号", "不予信用修复，该失信信息继续公示。", "Repair refused; the record stays published.",
      "最短公示期未届满。", ISSUED, "办理依据：《山东省社会信用条例》及本省信用修复规定。", "Handled under the Shandong rules");

  private static LetterDocuments documents;

  @BeforeAll
  static void theRendererAsTheApplicationConfiguresIt() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages/messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    engine.setTemplateEngineMessageSource(messages);
    documents = new LetterDocuments(new PdfDocuments(engine), new Texts(messages),
        Clock.system(ZoneId.of("Asia/Shanghai")), SITE);
  }

  @Test
  void aGrantedDecisionReadsAsIssuedWithItsNumberCodeAndAbsoluteAddress() throws Exception {
    byte[] pdf = rendered(GRANTED, "granted");
    String url = "https://credit.example.gov.cn/public/verify?code=7KQM-3XPA-9RTD";
    assertThat(documents.verificationUrl(GRANTED)).isEqualTo(url);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDRectangle page = document.getPage(0).getMediaBox();
      assertThat(Math.round(page.getWidth() / 72 * 25.4)).as("A4 wide").isEqualTo(210);
      assertThat(Math.round(page.getHeight() / 72 * 25.4)).as("A4 high").isEqualTo(297);
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("市生态环境局", "信用修复决定书", "R-2026-000042", "某某环保科技有限公司",
          "准予信用修复", "理由：已履行行政处罚并提交信用承诺书。",
          "《信用修复管理办法》", "如对本决定不服", "2026年11月1日", "核验码：7KQM-3XPA-9RTD");
      // a line may wrap at the column's edge: read as one string
      assertThat(text.replaceAll("\\s+", "")).contains(url).contains("（统一社会信用代码：91310000MA1FL8XQ30）：");
      assertEmbeddedSubsets(document);
      assertThat(qrCodeOnPageOne(document, "granted")).isEqualTo(url);
    }
  }

  @Test
  void aRefusedDecisionSaysSoAndLeadsToItsOwnCode() throws Exception {
    byte[] pdf = rendered(REFUSED, "refused");
    String url = "https://credit.example.gov.cn/public/verify?code=P8WX-4HNC-6TJE";
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("市税务局", "R-2026-000043", "不予信用修复，该失信信息继续公示。", "理由：最短公示期未届满。",
          "《山东省社会信用条例》", "核验码：P8WX-4HNC-6TJE").doesNotContain("准予信用修复");
      assertThat(text.replaceAll("\\s+", "")).contains(url).doesNotContain("7KQM-3XPA-9RTD");
      assertEmbeddedSubsets(document);
      assertThat(qrCodeOnPageOne(document, "refused")).isEqualTo(url);
    }
  }

  /** Long reasons run onto a second page: every page carries the code, the address and the QR code. */
  @Test
  void everyPageOfALongLetterCarriesItsCheck() throws Exception {
    Letter longer = new Letter(REFUSED.code(), REFUSED.titleZh(), REFUSED.titleEn(), REFUSED.introZh(),
        REFUSED.caseRef(), REFUSED.entityName(), REFUSED.uscc(), REFUSED.departmentZh(), REFUSED.departmentEn(),
        REFUSED.recordTitle(), REFUSED.decisionNumber(), REFUSED.outcomeZh(), REFUSED.outcomeEn(),
        "经核查，申请人提交的整改材料与现场核查情况不符，相关违法行为尚未完全纠正。".repeat(14), ISSUED, REFUSED.rulesZh(),
        REFUSED.rulesEn());
    String url = "https://credit.example.gov.cn/public/verify?code=P8WX-4HNC-6TJE";
    try (PDDocument document = Loader.loadPDF(rendered(longer, "long"))) {
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        assertThat(stripper.getText(document).replaceAll("\\s+", "")).as("page " + page)
            .contains("核验码：P8WX-4HNC-6TJE", url);
      }
      BufferedImage last = new PDFRenderer(document).renderImageWithDPI(document.getNumberOfPages() - 1, 150);
      assertThat(decoded(last)).isEqualTo(url);
    }
  }

  @Test
  void theFileNameIsTheTitleAndTheCase() {
    assertThat(documents.fileName(GRANTED)).isEqualTo("信用修复决定书（R-2026-000042）.pdf");
  }

  private static byte[] rendered(Letter letter, String name) throws IOException {
    long started = System.nanoTime();
    byte[] pdf = documents.decisionLetter(letter);
    long millis = (System.nanoTime() - started) / 1_000_000;
    Path out = Path.of("target", "documents", "decision-letter-" + name + ".pdf");
    Files.createDirectories(out.getParent());
    Files.write(out, pdf);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      System.out.printf("decision letter (%s): %,d bytes, %d page(s), rendered in %d ms -> %s%n", name, pdf.length,
          document.getNumberOfPages(), millis, out);
    }
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    return pdf;
  }

  /** Every font the pages use is embedded, as a subset ("ABCDEF+" before its name), and is the project's own. */
  private static void assertEmbeddedSubsets(PDDocument document) throws IOException {
    List<PDFont> fonts = new ArrayList<>();
    for (var page : document.getPages()) {
      PDResources resources = page.getResources();
      for (COSName name : resources.getFontNames()) {
        fonts.add(resources.getFont(name));
      }
    }
    assertThat(fonts).isNotEmpty().allSatisfy(font -> {
      assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
      assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSerifSC.*");
    });
    assertThat(fonts).as("the bold title and the regular body")
        .anySatisfy(font -> assertThat(font.getName()).contains("Bold"))
        .anySatisfy(font -> assertThat(font.getName()).contains("Regular"));
  }

  private static String qrCodeOnPageOne(PDDocument document, String name) throws Exception {
    BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
    ImageIO.write(page, "png", Path.of("target", "documents", "decision-letter-" + name + "-page1.png").toFile());
    return decoded(page);
  }

  private static String decoded(BufferedImage page) throws Exception {
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))),
        Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
  }
}
