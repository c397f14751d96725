package cn.credit.workflow.record;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.department.Department;
import cn.credit.workflow.department.DepartmentKind;
import cn.credit.workflow.entity.EntityKind;
import cn.credit.workflow.entity.MarketEntity;
import cn.credit.workflow.text.BundleTexts;
import cn.credit.workflow.text.Texts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Why a record changed state is kept as a key and the reason typed, and read in either language;
 * a line written before (a bilingual sentence, no key) reads as it was written.
 */
class RecordHistoryTextsTest {

  private final Texts texts = BundleTexts.load();
  private final Instant t0 = Instant.parse("2026-05-06T01:00:00Z");

  @Test
  void aReasonWithAKeyReadsInTheReadersLanguageWithTheReasonTyped() {
    DishonestyRecord record = record();
    record.changeState(PublicationState.DISPUTED, "applicant.a", "record.reason.disputeFiled", null, "P-1", t0);
    record.changeState(PublicationState.WITHDRAWN, "reviewer.market", "record.reason.cancelledAfterDispute",
        "不是本主体", "P-1", t0.plusSeconds(60));

    RecordHistoryEntry filed = record.getHistory().get(1);
    assertThat(filed.getReasonKey()).isEqualTo("record.reason.disputeFiled");
    assertThat(filed.getReason()).isNull();
    assertThat(texts.zh(filed.reasonText())).isEqualTo("异议申请已提交，标注“异议中”");
    assertThat(texts.en(filed.reasonText())).isEqualTo("dispute filed");

    RecordHistoryEntry cancelled = record.getHistory().get(2);
    assertThat(cancelled.getReason()).isEqualTo("不是本主体");
    assertThat(texts.zh(cancelled.reasonText())).isEqualTo("异议核查后撤销：不是本主体");
    assertThat(texts.en(cancelled.reasonText())).isEqualTo("cancelled after a dispute: 不是本主体");
  }

  @Test
  void anOlderLineWithoutAKeyReadsAsItWasWritten() {
    DishonestyRecord record = record();
    record.changeState(PublicationState.STOPPED, "reviewer.market", "准予信用修复，停止公示 / repair granted, publication stopped",
        "R-1", t0);
    RecordHistoryEntry line = record.getHistory().get(1);
    assertThat(line.getReasonKey()).isNull();
    assertThat(texts.zh(line.reasonText())).isEqualTo("准予信用修复，停止公示 / repair granted, publication stopped");
    assertThat(texts.en(line.reasonText())).isEqualTo("准予信用修复，停止公示 / repair granted, publication stopped");
  }

  @Test
  void codedValuesOfAnAmendmentReadAsWordsAndAnEmptyOneAsSuch() {
    var lines = RecordCorrections.of("severity: MINOR → GENERAL\n"
        + "penaltyTypes: [WARNING, FINE_SMALL] → [WARNING]\n"
        + "type: ABNORMAL_OPERATION → ADMINISTRATIVE_PENALTY\n"
        + "termEndDate: null → 2026-12-01\n"
        + "content: 罚款 GENERAL 元 → 罚款二万元");
    assertThat(lines).extracting(texts::zh).containsExactly(
        "严重程度由“轻微”更正为“一般”",
        "处罚种类由“警告、罚款（数额较小）”更正为“警告”",
        "信息类型由“经营异常名录”更正为“行政处罚”",
        "履行期限由“无”更正为“2026-12-01”",
        "内容由“罚款 GENERAL 元”更正为“罚款二万元”");
    assertThat(texts.en(lines.get(1))).doesNotContain("FINE_SMALL").contains("Warning, Fine (small)");
  }

  private DishonestyRecord record() {
    Department market = new Department("market", "市市场监督管理局", "Market", DepartmentKind.DECIDING, 1);
    MarketEntity entity = new MarketEntity("91370100MA3C4K5N0R", "济南明德建材有限公司", EntityKind.ENTERPRISE, "王明德");
    RecordFacts facts = new RecordFacts(entity, market, RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL, "No. 1",
        "title", "content", LocalDate.of(2026, 1, 5), null, Set.of());
    PublicationDates dates = new PublicationPeriods(PublicationPeriodsTest.NATIONAL)
        .datesFor(Severity.GENERAL, LocalDate.of(2026, 1, 5), null);
    return new DishonestyRecord(facts, dates, "reviewer.market", t0);
  }
}
