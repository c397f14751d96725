package cn.credit.workflow.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.credit.workflow.casefile.Cases;
import cn.credit.workflow.department.Department;
import cn.credit.workflow.entity.MarketEntity;
import cn.credit.workflow.letter.CitedRules;
import cn.credit.workflow.letter.Letter;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.text.BundleTexts;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dispute reply gathers the facts and takes its wording from the bundles, in both languages. */
class DisputeLettersTest {

  private final DisputeRepository repository = mock(DisputeRepository.class);
  private final DisputeLetters letters = CitedRules.national(
      new DisputeLetters(repository, mock(Cases.class), BundleTexts.load()));

  @Test
  void aCorrectionNamesItsChangesInChinese() {
    Letter letter = replyFor(DisputeState.REPLIED, DisputeOutcome.CORRECTED);
    assertThat(letter.titleZh()).isEqualTo("信用信息异议答复书");
    assertThat(letter.titleEn()).isEqualTo("Reply to a credit record dispute");
    assertThat(letter.introZh())
        .isEqualTo("你单位对济环罚〔2026〕12号《超标排放》信用信息提出的异议（案件编号 P-2026-000007），经核查，答复如下：");
    assertThat(letter.outcomeZh()).isEqualTo("异议成立，已更正相关信息：失信事项由“超标排放”更正为“超标排放大气污染物”；内容由“罚款”更正为“罚款二万元”。");
    assertThat(letter.outcomeEn()).isEqualTo("The dispute is upheld; the record was corrected: matter corrected from "
        + "“超标排放” to “超标排放大气污染物”; content corrected from “罚款” to “罚款二万元”.");
    assertThat(letter.departmentZh()).isEqualTo("市生态环境局");
  }

  @Test
  void eachOutcomeReadsAsBefore() {
    assertThat(replyFor(DisputeState.REPLIED, DisputeOutcome.KEPT).outcomeZh()).isEqualTo("经核查，该信息无误，予以维持。");
    assertThat(replyFor(DisputeState.REPLIED, DisputeOutcome.CANCELLED).outcomeEn())
        .isEqualTo("The dispute is upheld; the record is cancelled and no longer published.");
    Letter rejected = replyFor(DisputeState.REJECTED, null);
    assertThat(rejected.outcomeZh()).isEqualTo("异议不予受理。");
    assertThat(rejected.outcomeEn()).isEqualTo("The dispute was not taken up.");
    assertThat(rejected.departmentZh()).isEqualTo("市社会信用体系建设办公室");
    assertThat(rejected.departmentEn()).isEqualTo("City Credit Office");
  }

  private Letter replyFor(DisputeState state, DisputeOutcome outcome) {
    Department department = mock(Department.class);
    when(department.getNameZh()).thenReturn("市生态环境局");
    when(department.getNameEn()).thenReturn("Ecology and Environment");
    DishonestyRecord record = mock(DishonestyRecord.class);
    when(record.getDepartment()).thenReturn(department);
    when(record.getDecisionNumber()).thenReturn("济环罚〔2026〕12号");
    when(record.getTitle()).thenReturn("超标排放");
    MarketEntity entity = mock(MarketEntity.class);
    when(entity.getName()).thenReturn("某某环保科技有限公司");
    when(entity.getUscc()).thenReturn("91310000MA1FL8XQ30");
    Dispute dispute = mock(Dispute.class);
    when(dispute.getRecord()).thenReturn(record);
    when(dispute.getEntity()).thenReturn(entity);
    when(dispute.getState()).thenReturn(state);
    when(dispute.getOutcome()).thenReturn(outcome);
    when(dispute.getChanges()).thenReturn("title: 超标排放 → 超标排放大气污染物\ncontent: 罚款 → 罚款二万元");
    when(dispute.getCaseRef()).thenReturn("P-2026-000007");
    when(dispute.getLetterCode()).thenReturn("AAAA-BBBB-CCCC");
    when(dispute.getRepliedAt()).thenReturn(Instant.parse("2026-10-31T17:30:00Z"));
    when(repository.findByLetterCode("AAAA-BBBB-CCCC")).thenReturn(Optional.of(dispute));
    return letters.byCode("AAAA-BBBB-CCCC").orElseThrow();
  }
}
