package cn.credit.workflow.inbox;

import static cn.credit.workflow.security.SiteSecurity.Accounts.session;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.credit.workflow.calendar.DueDates;
import cn.credit.workflow.casefile.Cases;
import cn.credit.workflow.security.SiteSecurity;
import cn.credit.workflow.system.ApiProblem;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The task inbox's JSON as a client reads it, and its refusals as problem details, behind the real
 * filter chains ({@link SiteSecurity}). Left out: the engine, the work-item tables and the task forms
 * ({@link InboxService} and {@link Cases} are mocks), so which tasks a person may work is not
 * checked here but in the HTTP tests against the running application.
 */
@WebMvcTest(TaskApiController.class)
@SiteSecurity
class TaskApiControllerSliceTest {

  private static final InboxService.InboxTask CLAIMABLE = new InboxService.InboxTask("task-7", "初审 First review",
      "firstReview", "R-2026-000042", "market", null, Date.from(Instant.parse("2026-03-02T01:00:00Z")),
      "forms/first-review", true, null, false);

  @Autowired
  MockMvc mvc;

  @MockitoBean
  InboxService inbox;

  @MockitoBean
  Cases cases;

  @MockitoBean
  DueDates dueDates;

  @MockitoBean
  TaskActions actions;

  @Test
  @WithMockUser(username = "reviewer.market", roles = "REVIEWER")
  void aTaskIsItsStepCaseDueStateAndForm() throws Exception {
    when(inbox.task("task-7", "reviewer.market")).thenReturn(CLAIMABLE);
    when(inbox.formOf("forms/first-review")).thenReturn(new TaskForm("first-review", List.of()));
    when(cases.idOf("R-2026-000042")).thenReturn(Optional.of(42L));
    when(dueDates.provisional(CLAIMABLE.due())).thenReturn(true);

    mvc.perform(get("/api/tasks/task-7").with(session()))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.id").value("task-7"))
        .andExpect(jsonPath("$.step").value("firstReview"))
        .andExpect(jsonPath("$.caseRef").value("R-2026-000042"))
        .andExpect(jsonPath("$.caseId").value(42))
        .andExpect(jsonPath("$.department").value("market"))
        .andExpect(jsonPath("$.overdue").value(true))
        .andExpect(jsonPath("$.dueProvisional").value(true))
        .andExpect(jsonPath("$.assignee").doesNotExist())
        .andExpect(jsonPath("$.form.id").value("first-review"));
  }

  @Test
  @WithMockUser(username = "reviewer.market", roles = "REVIEWER")
  void noSuchTaskIsA404ProblemNamingIt() throws Exception {
    when(inbox.task("task-9", "reviewer.market")).thenThrow(ApiProblem.notFound("task.none", "task-9"));

    mvc.perform(get("/api/tasks/task-9").with(session()).header("Accept-Language", "en"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.title").value("Not Found"))
        .andExpect(jsonPath("$.detail").value("no open task task-9"));
  }

  @Test
  @WithMockUser(username = "reviewer.market", roles = "REVIEWER")
  void claimingATaskSomeoneElseHoldsIsA409() throws Exception {
    when(inbox.claim("task-7", "reviewer.market"))
        .thenThrow(ApiProblem.conflict("task.claimedBy", "task-7", "reviewer.other"));

    mvc.perform(post("/api/tasks/task-7/claim").with(session()).with(csrf()).header("Accept-Language", "en"))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(409))
        .andExpect(jsonPath("$.detail").value("task task-7 is already claimed by reviewer.other"));
  }

  @Test
  void withoutSigningInTheApiAnswers401AsJsonAndAsksNothing() throws Exception {
    mvc.perform(get("/api/tasks/task-7"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(401));
    verifyNoInteractions(inbox);
  }

  @Test
  @WithMockUser(username = "applicant.a", roles = "APPLICANT")
  /** With its CSRF token, so that the 403 is the role's and not a missing token's. */
  void anApplicantHasNoInbox() throws Exception {
    mvc.perform(post("/api/tasks/task-7/claim").with(session()).with(csrf()).header("Accept-Language", "en"))
        .andExpect(status().isForbidden());
    verifyNoInteractions(inbox);
  }
}
