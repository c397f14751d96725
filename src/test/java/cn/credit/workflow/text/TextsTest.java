package cn.credit.workflow.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Texts from the bundles by key: the applicant's updates read as they did when Java worded them, in
 * both languages; arguments that are texts, lists, dates and numbers; stored arguments read back.
 */
class TextsTest {

  private final Texts texts = BundleTexts.load();

  @Test
  void anUpdateReadsInChineseAndInEnglishFromItsKey() {
    Text accepted = Text.of("update.repair.accepted", LocalDate.of(2026, 11, 20));
    assertThat(texts.zh(accepted)).isEqualTo("申请已受理，将于2026-11-20前作出决定。");
    assertThat(texts.en(accepted)).isEqualTo("Your request was accepted; the decision is due by 2026-11-20.");

    Text received = Text.of("update.repair.receivedProvisional", Text.both("市生态环境局", "Ecology and Environment"),
        LocalDate.of(2027, 1, 8));
    assertThat(texts.zh(received)).isEqualTo("申请已转市生态环境局办理，办理期限至2027-01-08（暂定）。");
    assertThat(texts.en(received)).isEqualTo("Your request went to Ecology and Environment; it is due by 2027-01-08 (provisional).");
  }

  @Test
  void aProvisionalDueDayIsMarkedInBothLanguagesAndKeepsItsMarkWhenStored() {
    Text accepted = Text.of("update.repair.accepted", new DueDay(LocalDate.of(2027, 1, 12), true));
    assertThat(texts.zh(accepted)).isEqualTo("申请已受理，将于2027-01-12（暂定）前作出决定。");
    assertThat(texts.en(accepted)).isEqualTo("Your request was accepted; the decision is due by 2027-01-12 (provisional).");
    assertThat(texts.zh(Text.of("update.repair.accepted", new DueDay(LocalDate.of(2026, 12, 31), false))))
        .isEqualTo("申请已受理，将于2026-12-31前作出决定。");

    List<Object> read = TextArguments.decode(TextArguments.encode(List.of(new DueDay(LocalDate.of(2027, 1, 12), true),
        new DueDay(LocalDate.of(2026, 12, 31), false))));
    assertThat(read).containsExactly(new DueDay(LocalDate.of(2027, 1, 12), true), "2026-12-31");
  }

  @Test
  void aPersonsReasonIsPutInAsTypedQuotesAndBracesIncluded() {
    Text refused = Text.of("update.repair.refused", "it's {0} 'quoted'", "7KQM-3XPA-9RTD");
    assertThat(texts.zh(refused)).isEqualTo("决定不予修复。理由：it's {0} 'quoted'。决定书核验码：7KQM-3XPA-9RTD");
    assertThat(texts.en(refused))
        .isEqualTo("Repair refused. Reasons: it's {0} 'quoted'. Letter verification code: 7KQM-3XPA-9RTD");
  }

  @Test
  void nestedTextsListsAndNumbersAreResolvedInTheSameLanguage() {
    Text reply = Text.of("update.dispute.replied",
        Text.of("letter.dispute.outcome.CORRECTED", List.of("title: 甲 → 乙", "content: 丙 → 丁")), "AAAA-BBBB-CCCC");
    assertThat(texts.zh(reply)).isEqualTo("异议成立，已更正相关信息：title: 甲 → 乙；content: 丙 → 丁。答复书核验码：AAAA-BBBB-CCCC");
    assertThat(texts.en(reply)).isEqualTo(
        "The dispute is upheld; the record was corrected: title: 甲 → 乙; content: 丙 → 丁. Reply verification code: AAAA-BBBB-CCCC");
    assertThat(texts.en(Text.of("timeline.commitmentSigned", 1234, "ab12"))).isEqualTo("template version 1234, sha256 ab12");
    assertThat(texts.in(Locale.ENGLISH, null)).isNull();
  }

  @Test
  void storedArgumentsReadBackAsTheyWereGiven() {
    List<Object> args = List.of(Text.both("市税务局", "Tax"), Text.of("event.KEPT"), LocalDate.of(2026, 1, 2), "a, b");
    List<Object> read = TextArguments.decode(TextArguments.encode(args));
    assertThat(read).containsExactly(Text.both("市税务局", "Tax"), Text.of("event.KEPT"), "2026-01-02", "a, b");
    assertThat(texts.zh(new Text.Key("timeline.forwarded", List.of(read.get(0), read.get(2)))))
        .isEqualTo("转市税务局，期限 2026-01-02");
    assertThat(texts.en(new Text.Key("timeline.forwarded", List.of(read.get(0), read.get(2)))))
        .isEqualTo("to Tax, due 2026-01-02");
    assertThat(texts.en(new Text.Key("timeline.replied", List.of(read.get(1), "X")))).isEqualTo("Record kept, letter X");
  }

  /** A value with placeholders goes through MessageFormat, where a lone ' starts a quote and swallows the rest. */
  @Test
  void bundleValuesWithPlaceholdersDoubleTheirSingleQuotes() throws IOException {
    Pattern placeholder = Pattern.compile("\\{\\d");
    Pattern loneQuote = Pattern.compile("(?<!')'(?!')");
    for (String path : List.of("messages/messages.properties", "messages/messages_en.properties")) {
      Properties bundle = new Properties();
      try (var reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
        bundle.load(reader);
      }
      bundle.forEach((key, value) -> {
        String text = value.toString();
        assertThat(placeholder.matcher(text).find() && loneQuote.matcher(text).find())
            .as(path + " " + key + " has a lone ' among placeholders: " + text).isFalse();
      });
    }
  }
}
