package cn.credit.workflow.repair;

import cn.credit.workflow.casefile.CaseEvents;
import cn.credit.workflow.deadline.Deadlines;
import cn.credit.workflow.department.Department;
import cn.credit.workflow.letter.LetterCodes;
import cn.credit.workflow.notification.ApplicantNotifier;
import cn.credit.workflow.notification.ApplicantUpdate;
import cn.credit.workflow.process.ModelNames;
import cn.credit.workflow.record.PublicationState;
import cn.credit.workflow.user.AppUser;
import cn.credit.workflow.user.Users;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The service tasks of the credit repair process: each moves the request, writes the case history
 * and tells the applicant, in the transaction of the step.
 */
@Component("repairSteps")
public class RepairSteps {

  private static final Logger log = LoggerFactory.getLogger(RepairSteps.class);

  private final RepairRequestRepository requests;
  private final Users users;
  private final CaseEvents caseEvents;
  private final ApplicantNotifier applicant;
  private final Deadlines deadlines;
  private final Clock clock;

  RepairSteps(RepairRequestRepository requests, Users users, CaseEvents caseEvents,
      ApplicantNotifier applicant, Deadlines deadlines, Clock clock) {
    this.requests = requests;
    this.users = users;
    this.caseEvents = caseEvents;
    this.applicant = applicant;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  public void lapse(DelegateExecution execution, String why) {
    RepairRequest request = request(execution);
    request.decided(RepairState.LAPSED, why, null, clock.instant());
    caseEvents.record(request.getCaseRef(), "system", "LAPSED", why);
    String zh = "commitment-not-signed".equals(why) ? "未在期限内签署信用承诺书，申请已失效，可重新申请。"
        : "未在期限内补正材料，申请已失效，可重新申请。";
    String en = "commitment-not-signed".equals(why) ? "The commitment was not signed in time; the request lapsed. You may file again."
        : "The missing material was not provided in time; the request lapsed. You may file again.";
    tell(request, ApplicantUpdate.LAPSED, null, zh, en);
  }

  public void route(DelegateExecution execution) {
    RepairRequest request = request(execution);
    request.moveTo(RepairState.UNDER_ACCEPTANCE);
    caseEvents.record(request.getCaseRef(), "system", "ROUTED", "to " + request.getDepartmentCode());
    tell(request, ApplicantUpdate.RECEIVED, null, "申请已转" + request.getRecord().getDepartment().getNameZh()
        + "办理，办理期限至" + request.getDueDate() + (request.isDueProvisional() ? "（暂定）" : "") + "。",
        "Your request went to " + request.getRecord().getDepartment().getNameEn() + "; it is due by "
            + request.getDueDate() + (request.isDueProvisional() ? " (provisional)" : "") + ".");
  }

  public void refuseAcceptance(DelegateExecution execution) {
    refuseWithLetter(execution, RepairState.NOT_ACCEPTED, "refusalReasons", ApplicantUpdate.REFUSED, "不予受理",
        "Not accepted");
  }

  public void requestSupplement(DelegateExecution execution) {
    RepairRequest request = request(execution);
    String missing = (String) execution.getVariable("missingMaterials");
    request.supplementRequested(missing);
    execution.setVariable("supplementUsed", true);
    caseEvents.record(request.getCaseRef(), actor(execution), "SUPPLEMENT_REQUESTED", missing);
    String due = deadlines.dayOf(deadlines.due("supplement")).toString();
    tell(request, ApplicantUpdate.SUPPLEMENT_NEEDED, null, "请于" + due + "前一次性补正以下材料：" + missing,
        "Please provide by " + due + " all of the following: " + missing);
  }

  public void accept(DelegateExecution execution) {
    RepairRequest request = request(execution);
    request.moveTo(RepairState.UNDER_REVIEW);
    Date decideDue = deadlines.due("decide");
    execution.setVariable("decideDue", decideDue);
    caseEvents.record(request.getCaseRef(), actor(execution), "ACCEPTED", "decision due " + deadlines.dayOf(decideDue));
    tell(request, ApplicantUpdate.ACCEPTED, null, "申请已受理，将于" + deadlines.dayOf(decideDue) + "前作出决定。",
        "Your request was accepted; the decision is due by " + deadlines.dayOf(decideDue) + ".");
  }

  public void extend(DelegateExecution execution) {
    RepairRequest request = request(execution);
    Date newDue = deadlines.extended((Date) execution.getVariable("decideDue"));
    execution.setVariable("decideDue", newDue);
    execution.setVariable("extensionUsed", true);
    String reason = (String) execution.getVariable("extensionReason");
    request.extended(reason);
    caseEvents.record(request.getCaseRef(), actor(execution), "EXTENDED", "new due " + deadlines.dayOf(newDue) + ": " + reason);
    tell(request, ApplicantUpdate.EXTENDED, null, "因情况复杂，办理期限延长至" + deadlines.dayOf(newDue) + "。理由：" + reason,
        "The case is complex: the decision is now due by " + deadlines.dayOf(newDue) + ". Reason: " + reason);
  }

  public void refuse(DelegateExecution execution) {
    refuseWithLetter(execution, RepairState.REFUSED, "decisionReasons", ApplicantUpdate.DECIDED, "决定不予修复",
        "Repair refused");
  }

  /** Either refusal ends with a letter whose reasons and verification code go to the applicant. */
  private void refuseWithLetter(DelegateExecution execution, RepairState state, String reasonsVariable,
      ApplicantUpdate update, String zh, String en) {
    RepairRequest request = request(execution);
    String reasons = (String) execution.getVariable(reasonsVariable);
    request.decided(state, reasons, LetterCodes.next(), clock.instant());
    caseEvents.record(request.getCaseRef(), actor(execution), state.name(), reasons);
    tell(request, update, null, zh + "。理由：" + reasons + "。决定书核验码：" + request.getLetterCode(),
        en + ". Reasons: " + reasons + ". Letter verification code: " + request.getLetterCode());
  }

  /** The record leaves the public list at once; each member department gets its confirmation task. */
  public void grant(DelegateExecution execution) {
    RepairRequest request = request(execution);
    String actor = actor(execution);
    request.getRecord().changeState(PublicationState.STOPPED, actor,
        "准予信用修复，停止公示 / repair granted, publication stopped", request.getCaseRef(), clock.instant());
    request.decided(RepairState.GRANTED, (String) execution.getVariable("decisionReasons"), LetterCodes.next(),
        clock.instant());
    List<String> members = new ArrayList<>(request.getRecord().getJointPunishmentMembers().stream()
        .map(Department::getCode).sorted().toList());
    execution.setVariable("memberDepartments", members);
    caseEvents.record(request.getCaseRef(), actor, "GRANTED", "publication stopped; members " + members);
    log.info("Repair granted, record {} no longer published; member departments {}", request.getRecord().getId(), members);
    tell(request, ApplicantUpdate.DECIDED, null, "准予信用修复。决定书核验码：" + request.getLetterCode(),
        "Repair granted. Letter verification code: " + request.getLetterCode());
    tell(request, ApplicantUpdate.PUBLICATION_STOPPED, null, "失信信息“" + request.getRecord().getTitle() + "”已停止公示。",
        "The record \"" + request.getRecord().getTitle() + "\" is no longer published.");
  }

  public void complete(DelegateExecution execution) {
    RepairRequest request = request(execution);
    if (request.getState() == RepairState.GRANTED) {
      request.moveTo(RepairState.COMPLETED);
    }
    caseEvents.record(request.getCaseRef(), "system", "COMPLETED", "every member department confirmed");
  }

  public void withdraw(DelegateExecution execution) {
    RepairRequest request = request(execution);
    request.decided(RepairState.WITHDRAWN, null, null, clock.instant());
    caseEvents.record(request.getCaseRef(), actor(execution), "WITHDRAWN", null);
    tell(request, ApplicantUpdate.WITHDRAWN, null, "申请已按您的要求撤回。", "Your request was withdrawn as you asked.");
  }

  private RepairRequest request(DelegateExecution execution) {
    Long id = ((Number) execution.getVariable("requestId")).longValue();
    return requests.findById(id).orElseThrow(() -> new IllegalStateException("no repair request " + id));
  }

  private static String actor(DelegateExecution execution) {
    Object actor = execution.getVariable(ModelNames.LAST_ACTOR);
    return actor == null ? "system" : actor.toString();
  }

  private void tell(RepairRequest request, ApplicantUpdate update, String occurrence, String zh, String en) {
    AppUser user = users.findById(request.getApplicant()).orElseThrow();
    applicant.tell(user, request.getCaseRef(), update, occurrence, zh, en);
  }
}
