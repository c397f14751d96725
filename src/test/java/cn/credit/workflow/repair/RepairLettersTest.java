package cn.credit.workflow.repair;

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

/**
 * The decision letter gathers the facts and takes its wording from the bundles: it reads as it did
 * when Java worded it, the Chinese letter and its English line alike.
 */
class RepairLettersTest {

  private final RepairRequestRepository requests = mock(RepairRequestRepository.class);
  private final RepairLetters letters = CitedRules.national(
      new RepairLetters(requests, mock(Cases.class), BundleTexts.load()));

  @Test
  void aGrantReadsInBothLanguagesWithTheFactsOfTheCase() {
    Letter letter = letterFor(RepairState.GRANTED);
    assertThat(letter.titleZh()).isEqualTo("信用修复决定书");
    assertThat(letter.titleEn()).isEqualTo("Credit repair decision");
    assertThat(letter.introZh()).isEqualTo("你单位就我单位作出的济环罚〔2026〕12号《超标排放大气污染物》相关失信信息提出的"
        + "信用修复申请（案件编号 R-2026-000042），经审查，决定如下：");
    assertThat(letter.outcomeZh()).isEqualTo("准予信用修复，该失信信息停止公示，各联合惩戒部门解除相关惩戒措施。");
    assertThat(letter.outcomeEn())
        .isEqualTo("Repair granted: the record is no longer published and the joint-punishment measures are lifted.");
    assertThat(letter.departmentZh()).isEqualTo("市生态环境局");
    assertThat(letter.departmentEn()).isEqualTo("Ecology and Environment");
    assertThat(letter.reasons()).isEqualTo("已整改");
    // the rules the case was handled under, as its rule profile's title and date read
    assertThat(letter.rulesZh()).isEqualTo("办理依据：《信用修复管理办法》（国家发展改革委令2025年第36号），2026-04-01起施行。");
    assertThat(letter.rulesEn())
        .isEqualTo("Handled under: Measures for Credit Repair (NDRC Order No. 36 of 2025), in force from 2026-04-01.");
    assertThat(letterFor(RepairState.COMPLETED).outcomeZh()).isEqualTo(letter.outcomeZh());
  }

  @Test
  void aRefusalAtAcceptanceHasItsOwnTitle() {
    Letter letter = letterFor(RepairState.NOT_ACCEPTED);
    assertThat(letter.titleZh()).isEqualTo("不予受理信用修复申请决定书");
    assertThat(letter.titleEn()).isEqualTo("Decision not to accept a credit repair request");
    assertThat(letter.outcomeZh()).isEqualTo("申请不予受理。");
    assertThat(letter.outcomeEn()).isEqualTo("The request was not accepted.");
    assertThat(letterFor(RepairState.REFUSED).outcomeZh()).isEqualTo("不予信用修复，该失信信息继续公示。");
    assertThat(letterFor(RepairState.REVOKED).outcomeEn())
        .isEqualTo("Repair was granted, then revoked for a broken commitment; the record is published again.");
  }

  private Letter letterFor(RepairState state) {
    Department department = mock(Department.class);
    when(department.getNameZh()).thenReturn("市生态环境局");
    when(department.getNameEn()).thenReturn("Ecology and Environment");
    DishonestyRecord record = mock(DishonestyRecord.class);
    when(record.getDepartment()).thenReturn(department);
    when(record.getDecisionNumber()).thenReturn("济环罚〔2026〕12号");
    when(record.getTitle()).thenReturn("超标排放大气污染物");
    MarketEntity entity = mock(MarketEntity.class);
    when(entity.getName()).thenReturn("某某环保科技有限公司");
    when(entity.getUscc()).thenReturn("91310000MA1FL8XQ30");
    RepairRequest request = mock(RepairRequest.class);
    when(request.getRecord()).thenReturn(record);
    when(request.getEntity()).thenReturn(entity);
    when(request.getState()).thenReturn(state);
    when(request.getCaseRef()).thenReturn("R-2026-000042");
    when(request.getLetterCode()).thenReturn("7KQM-3XPA-9RTD");
    when(request.getDecisionReasons()).thenReturn("已整改");
    when(request.getDecidedAt()).thenReturn(Instant.parse("2026-10-31T17:30:00Z"));
    when(requests.findByLetterCode("7KQM-3XPA-9RTD")).thenReturn(Optional.of(request));
    return letters.byCode("7KQM-3XPA-9RTD").orElseThrow();
  }
}
