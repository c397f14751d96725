package cn.credit.workflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.text.BundleTexts;
import cn.credit.workflow.text.Text;
import cn.credit.workflow.text.Texts;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A timeline line the application words is kept by key and read in the page's language; a person's
 * text and a line written before keys read as they were written.
 */
class CaseEventTextsTest {

  private final Texts texts = BundleTexts.load();
  private final Instant now = Instant.parse("2026-11-02T01:00:00Z");

  @Test
  void anApplicationLineReadsInEitherLanguage() {
    Text forwarded = Text.of("timeline.forwarded", Text.both("市税务局", "Tax"), LocalDate.of(2026, 11, 11));
    CaseEvent event = CaseEvent.worded("P-2026-000001", now, "reviewer.credit-office", "FORWARDED", forwarded);
    assertThat(event.getDetail()).isNull();
    assertThat(texts.zh(event.detailText())).isEqualTo("转市税务局，期限 2026-11-11");
    assertThat(texts.en(event.detailText())).isEqualTo("to Tax, due 2026-11-11");

    CaseEvent extended = CaseEvent.worded("R-2026-000001", now, "reviewer.tax", "EXTENDED",
        CaseTexts.extended(LocalDate.of(2026, 12, 1), "需实地核查"));
    assertThat(texts.zh(extended.detailText())).isEqualTo("新期限 2026-12-01：需实地核查");
    assertThat(texts.en(extended.detailText())).isEqualTo("new due 2026-12-01: 需实地核查");

    CaseEvent replied = CaseEvent.worded("P-2026-000001", now, "reviewer.tax", "REPLIED",
        Text.of("timeline.replied", Text.of("event.KEPT"), "AAAA-BBBB-CCCC"));
    assertThat(texts.zh(replied.detailText())).isEqualTo("维持原信息，答复书 AAAA-BBBB-CCCC");
    assertThat(texts.en(replied.detailText())).isEqualTo("Record kept, letter AAAA-BBBB-CCCC");
  }

  @Test
  void aPersonsTextAndAnOlderLineReadAsWritten() {
    CaseEvent typed = new CaseEvent("R-2026-000001", now, "reviewer.tax", "SUPPLEMENT_REQUESTED", "完税证明");
    assertThat(texts.zh(typed.detailText())).isEqualTo("完税证明");
    assertThat(texts.en(typed.detailText())).isEqualTo("完税证明");
    assertThat(new CaseEvent("R-2026-000001", now, "system", "WITHDRAWN", null).detailText()).isNull();
  }
}
