package cn.credit.workflow.oversight;

import cn.credit.workflow.casefile.Cases;
import cn.credit.workflow.process.CaseTasks;
import cn.credit.workflow.process.TaskRef;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldProblem;
import cn.credit.workflow.user.AppUser;
import cn.credit.workflow.user.Role;
import cn.credit.workflow.user.Users;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Leaders' oversight: urge (催办) an open task, supervise (督办) a case on one's own follow-up list. */
@Service
public class OversightService {

  static final int MAX_TEXT = 1000;

  private final CaseTasks tasks;
  private final EscalationService escalation;
  private final SupervisionRepository supervisions;
  private final Users users;
  private final Clock clock;
  private final Cases cases;

  OversightService(CaseTasks tasks, EscalationService escalation, SupervisionRepository supervisions,
      Users users, Clock clock, Cases cases) {
    this.cases = cases;
    this.tasks = tasks;
    this.escalation = escalation;
    this.supervisions = supervisions;
    this.users = users;
    this.clock = clock;
  }

  /** A department leader may urge the tasks of the department; a city leader any task. */
  @Transactional
  public Escalation urge(String taskId, String username, String message) {
    AppUser leader = leader(username);
    TaskRef task = tasks.find(taskId).orElseThrow(() -> ApiProblem.notFound("task.none", taskId));
    boolean ownDepartment = leader.hasRole(Role.LEADER) && leader.getDepartment() != null
        && Objects.equals(leader.getDepartment().getCode(), task.departmentCode());
    if (!leader.hasRole(Role.CITY_LEADER) && !ownDepartment) {
      throw ApiProblem.notFound("task.none", taskId); // another department's: as if there were none
    }
    return escalation.urge(task, leader, text("message", message));
  }

  /** Puts a case on the leader's follow-up list; supervising it again changes nothing. */
  @Transactional
  public Supervision supervise(String caseRef, String username, String note) {
    leader(username);
    cases.requireVisible(caseRef, username); // a department leader follows only cases the department is concerned in
    String checked = text("note", note);
    return supervisions.findByLeaderAndCaseRef(username, caseRef)
        .orElseGet(() -> supervisions.save(new Supervision(username, caseRef, checked, clock.instant())));
  }

  @Transactional
  public void endSupervision(String caseRef, String username) {
    leader(username);
    Supervision supervision = supervisions.findByLeaderAndCaseRef(username, caseRef)
        .orElseThrow(() -> ApiProblem.notFound("oversight.notFollowed", caseRef));
    supervisions.delete(supervision);
  }

  @Transactional(readOnly = true)
  public List<Supervision> followUpList(String username) {
    leader(username);
    return supervisions.findByLeaderOrderByCreatedAtDesc(username);
  }

  private AppUser leader(String username) {
    AppUser user = users.findById(username).orElseThrow(() -> ApiProblem.forbidden("user.unknown", username));
    if (!user.hasRole(Role.LEADER) && !user.hasRole(Role.CITY_LEADER)) {
      throw ApiProblem.forbidden("oversight.leadersOnly");
    }
    return user;
  }

  private static String text(String field, String value) {
    if (value != null && value.length() > MAX_TEXT) {
      throw ApiProblem.unprocessable(List.of(FieldProblem.of(field, "field.atMostNot", MAX_TEXT, value.length())),
          "field.tooLong", field);
    }
    return value == null || value.isBlank() ? null : value.strip();
  }
}
