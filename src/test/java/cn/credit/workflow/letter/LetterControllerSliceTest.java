package cn.credit.workflow.letter;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.WebSliceSupport;
import java.security.Principal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.authentication.TestingAuthenticationToken;

/**
 * The printable letter as rendered from what a {@link LetterSource} gives, for each kind of case.
 * Security is left out ({@code addFilters = false}, the person given as the request's principal):
 * who may see a case's letter is decided inside {@link LetterSource#issuedFor}, a mock here, and
 * the access table is the subject of the HTTP tests against the running application.
 */
@WebMvcTest(LetterController.class)
@AutoConfigureMockMvc(addFilters = false)
@WebSliceSupport
class LetterControllerSliceTest extends LetterSourceMocks {

  private static final Principal APPLICANT = new TestingAuthenticationToken("applicant.a", null);

  /** Issued at 01:30 on 1 November in Shanghai, still 31 October in UTC. */
  private static final Letter DECISION = new Letter("7KQM-3XPA-9RTD", "信用修复决定书", "Credit repair decision",
      "你单位就行政处罚信息提出的信用修复申请，经审查，决定如下：", "R-2026-000042", "某某环保科技有限公司",
      "91310000MA1FL8XQ30", "市生态环境局", "Municipal Ecology Bureau", "超标排放大气污染物", "沪环罚〔2026〕12号",
      "准予信用修复，停止公示。", "Repair granted; publication stopped.", "已履行行政处罚并提交信用承诺书。",
      Instant.parse("2026-10-31T17:30:00Z"));

  @Test
  void theDecisionLetterShowsWhoDecidedWhatForWhomWhenAndItsCode() throws Exception {
    when(repairs.issuedFor(42L, "applicant.a")).thenReturn(DECISION);

    mvc.perform(get("/repair-requests/42/letter").principal(APPLICANT))
        .andExpect(status().isOk())
        .andExpect(view().name("letter/print"))
        .andExpect(content().string(allOf(
            containsString("<h1>市生态环境局</h1>"),
            containsString("<h2>信用修复决定书</h2>"),
            containsString("R-2026-000042"),
            containsString("<span>某某环保科技有限公司</span>（统一社会信用代码：<span>91310000MA1FL8XQ30</span>）"),
            containsString("准予信用修复，停止公示。"),
            containsString("理由：<span>已履行行政处罚并提交信用承诺书。</span>"),
            containsString("2026年11月1日"),
            containsString("<strong class=\"code\">7KQM-3XPA-9RTD</strong>"),
            containsString("Credit repair decision — Repair granted; publication stopped."))));
  }

  @Test
  void aDisputeReplyComesFromTheDisputes() throws Exception {
    when(disputes.issuedFor(9L, "applicant.a")).thenReturn(DECISION);

    mvc.perform(get("/disputes/9/reply").principal(APPLICANT))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("7KQM-3XPA-9RTD")));
    verify(repairs, never()).issuedFor(any(), any());
  }

  /** Not theirs, no such case, no letter yet: the source says 404 and the page is the error page, naming nothing. */
  @Test
  void aLetterTheSourceRefusesIsThe404Page() throws Exception {
    when(repairs.issuedFor(43L, "applicant.a")).thenThrow(ApiProblem.notFound("letter.none", "case 43"));

    mvc.perform(get("/repair-requests/43/letter").principal(APPLICANT))
        .andExpect(status().isNotFound())
        .andExpect(view().name("error"))
        .andExpect(content().string(not(containsString("case 43"))));
  }
}
