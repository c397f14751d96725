package cn.credit.workflow.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The masking rules on texts shaped like the ones departments write. */
class PublicMaskingTest {

  final PublicMasking.Texts texts = new PublicMasking.Texts(List.of("张建国", "欧阳娜娜"));
  final PublicMasking.Texts rulesOnly = new PublicMasking.Texts(List.of());

  @Test
  void idNumbersOf18And15CharactersAreMasked() {
    assertThat(rulesOnly.text("身份证号370102198506121327。")).isEqualTo("身份证号3***************27。");
    assertThat(rulesOnly.text("身份证号11010519491231002X，")).isEqualTo("身份证号1***************2X，");
    assertThat(rulesOnly.text("身份证号11010519491231002x")).doesNotContain("11010519491231002");
    assertThat(rulesOnly.text("原身份证号370102850612132）")).isEqualTo("原身份证号3************32）");
    // the auditor's case: a wrong check digit is still someone's number
    assertThat(rulesOnly.text("（身份证号370102198003154321）")).isEqualTo("（身份证号3***************21）");
  }

  @Test
  void mobilesWithOrWithoutCountryCodeAndSeparators() {
    assertThat(rulesOnly.text("电话13905312468")).isEqualTo("电话139****2468");
    assertThat(rulesOnly.text("手机：139-0531-2468；")).isEqualTo("手机：139****2468；");
    assertThat(rulesOnly.text("手机 +86 139 0531 2468")).isEqualTo("手机 +86 139****2468");
    assertThat(rulesOnly.text("8613905312468")).isEqualTo("86139****2468");
  }

  @Test
  void fixedLines() {
    assertThat(rulesOnly.text("电话0531-86012345")).isEqualTo("电话0531******45");
    assertThat(rulesOnly.text("电话(0531)8601234")).isEqualTo("电话0531*****34");
    assertThat(rulesOnly.text("电话（0531）86012345")).isEqualTo("电话0531******45");
    assertThat(rulesOnly.text("电话0531 86012345")).isEqualTo("电话0531******45");
    assertThat(rulesOnly.text("电话010-62345678-801")).doesNotContain("62345678");
  }

  @Test
  void bankCardsInOneRunOrInGroups() {
    assertThat(rulesOnly.text("账号6222021602114567896。")).isEqualTo("账号6222 **** **** **** 896。");
    assertThat(rulesOnly.text("账号6228 4800 1234 5671")).isEqualTo("账号6228 **** **** 5671");
    assertThat(rulesOnly.text("账号6222-0216-0211-4567-896")).doesNotContain("0216").doesNotContain("4567");
  }

  @Test
  void anAmbiguousRunOf18DigitsIsMaskedRatherThanShown() {
    // a valid USCC that also passes a card's check: a card shown weighs more than a code masked by mistake
    assertThat(rulesOnly.text("913701021985061219")).isEqualTo("9137 **** **** **** 19");
  }

  @Test
  void emailAddresses() {
    assertThat(rulesOnly.text("邮箱sunzhiqiang@163.com，")).isEqualTo("邮箱s**********@163.com，");
    assertThat(rulesOnly.text("13905312468@qq.com")).isEqualTo("1**********@qq.com");
  }

  @Test
  void namesAfterCueWords() {
    assertThat(rulesOnly.text("联系人李秀英，")).isEqualTo("联系人李**，");
    assertThat(rulesOnly.text("法定代表人：王明德")).isEqualTo("法定代表人：王**");
    assertThat(rulesOnly.text("负责人为赵四于2026年到场")).isEqualTo("负责人为赵*于2026年到场");
    assertThat(rulesOnly.text("当事人欧阳修未按期改正")).isEqualTo("当事人欧**未按期改正");
    assertThat(rulesOnly.text("经营者孙志强未取得健康证明")).isEqualTo("经营者孙**未取得健康证明");
    assertThat(rulesOnly.text("法定代表人（负责人）：周丽华")).isEqualTo("法定代表人（负责人）：周**");
  }

  @ParameterizedTest
  @ValueSource(strings = {"当事人对上述事实无异议", "负责人员未到场", "当事人尚未改正", "当事人于2026年3月1日改正"})
  void cueWordsFollowedByNoNameStay(String text) {
    assertThat(rulesOnly.text(text)).isEqualTo(text);
  }

  @Test
  void knownNamesAreMaskedWhereverTheyOccur() {
    assertThat(texts.text("历下区张建国小吃店，张建国本人签字；欧阳娜娜作证"))
        .isEqualTo("历下区张**小吃店，张**本人签字；欧***作证");
    assertThat(texts.person("张建国")).isEqualTo("张**");
    assertThat(texts.person(" 欧阳娜娜 ")).isEqualTo("欧***");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "统一社会信用代码91370100MA3C4K5N0R",
      "与913701001630000004签订合同",
      "913701021985061206", // a USCC shaped like an ID number, failing the ID's and a card's check digits
      "济环罚字〔2026〕12号",
      "济历市监罚〔2026〕44号，2026-03-15作出，罚款人民币120000元",
      "content: 罚款人民币二十万元 → 罚款人民币二万元\ndecisionDate: 2026-01-05 → 2026-01-15",
      "案件编号 D-2026-000123，核验码 ABCD-EFGH-JKMN",
      "金额1234567.89元，共3笔"})
  void codesDocumentNumbersDatesAndAmountsStay(String text) {
    assertThat(rulesOnly.text(text)).isEqualTo(text);
  }

  @Test
  void aWholeRecordText() {
    String content = "经营者张建国（身份证号370102198003154321，手机139-0531-2468，固定电话0531-86012345，"
        + "开户账号6222 0216 0211 4567 896，邮箱zhangjianguo@163.com）与济南明德建材有限公司（91370100MA3C4K5N0R）"
        + "签订合同，见济环罚字〔2026〕12号。";
    assertThat(texts.text(content)).isEqualTo("经营者张**（身份证号3***************21，手机139****2468，固定电话0531******45，"
        + "开户账号6222 **** **** **** 896，邮箱z***********@163.com）与济南明德建材有限公司（91370100MA3C4K5N0R）"
        + "签订合同，见济环罚字〔2026〕12号。");
    assertThat(texts.text(null)).isNull();
  }
}
