package cn.credit.workflow.letter;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.credit.workflow.publicsite.PublicMasking;
import cn.credit.workflow.security.SiteSecurity;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Letter verification as anyone sees it, without signing in (the real filter chains,
 * {@link SiteSecurity}): the page shows a letter's texts only as the masking step returns them.
 * Left out: the masking rules themselves ({@link PublicMasking} is a mock that marks what it was
 * given; its rules are PublicMaskingTest's) and the letters' tables (the sources are mocks).
 */
@WebMvcTest(LetterVerificationController.class)
@SiteSecurity
class LetterVerificationControllerSliceTest extends LetterSourceMocks {

  private static final String USCC = "92310000MA1FL8XQ3X";

  private static final Letter LETTER = new Letter("7KQM-3XPA-9RTD", "信用修复决定书", "Credit repair decision",
      "经营者张建国（电话13812345678）提出申请", "R-2026-000042", "张建国便利店", USCC, "市市场监管局",
      "Market Regulation Bureau", "经营者张建国未按期年报", "沪市监罚〔2026〕7号", "准予信用修复：张建国已补报。",
      "Repair granted", "张建国已补报", Instant.parse("2026-10-31T17:30:00Z"));

  @MockitoBean
  PublicMasking masking;

  @BeforeEach
  void masking() {
    PublicMasking.Texts texts = mock(PublicMasking.Texts.class);
    when(texts.text(anyString())).thenAnswer(call -> masked(call.getArgument(0)));
    when(masking.of(USCC)).thenReturn(texts);
  }

  @Test
  void aCodeTypedAnyHowShowsTheLetterWithItsTextsAsMasked() throws Exception {
    when(repairs.byCode("7KQM-3XPA-9RTD")).thenReturn(Optional.of(LETTER));

    mvc.perform(get("/public/verify").param("code", " 7kqm 3xpa-9rtd "))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(
            containsString("该文书真实有效"),
            containsString("R-2026-000042"),
            containsString("市市场监管局"),
            containsString(masked(LETTER.entityName()) + "（" + USCC + "）"),
            containsString(LETTER.decisionNumber() + " " + masked(LETTER.recordTitle())),
            containsString(masked(LETTER.outcomeZh())),
            not(containsString("张建国")))));
  }

  /** What the mock masking makes of a text: its length, so that the page can be told to show it and nothing of it. */
  private static String masked(String text) {
    return "[masked:" + text.length() + "]";
  }

  @Test
  void anUnknownCodeIsSaidSoWithTheCodeAsNormalized() throws Exception {
    mvc.perform(get("/public/verify").param("code", "aaaa-bbbb-cccc"))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(
            containsString("核验码“AAAA-BBBB-CCCC”不存在"),
            not(containsString("该文书真实有效")))));
  }
}
