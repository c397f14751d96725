package cn.credit.workflow.casepage;

import cn.credit.workflow.attachment.AttachmentService;
import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.casefile.CaseParty;
import cn.credit.workflow.casefile.CaseTimeline;
import cn.credit.workflow.casefile.Cases;
import cn.credit.workflow.commitment.CommitmentService;
import cn.credit.workflow.deadline.Deadlines;
import cn.credit.workflow.dispute.DisputeService;
import cn.credit.workflow.inbox.DatedWorkItem;
import cn.credit.workflow.inbox.TaskLists;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.repair.RepairService;
import cn.credit.workflow.system.ApiProblem;
import org.hibernate.Hibernate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;

/**
 * What the staff case page shows, read in one transaction: the page after a GET, and again after a
 * note that was refused, with the message beside the field.
 */
@Component
class CaseView {

  private final Cases cases;
  private final CaseNotes notes;
  private final RepairService repairs;
  private final DisputeService disputes;
  private final CommitmentService commitments;
  private final AttachmentService attachments;
  private final CaseTimeline timeline;
  private final TaskLists lists;
  private final Deadlines deadlines;

  CaseView(Cases cases, CaseNotes notes, RepairService repairs, DisputeService disputes,
      CommitmentService commitments, AttachmentService attachments, CaseTimeline timeline, TaskLists lists,
      Deadlines deadlines) {
    this.cases = cases;
    this.notes = notes;
    this.repairs = repairs;
    this.disputes = disputes;
    this.commitments = commitments;
    this.attachments = attachments;
    this.timeline = timeline;
    this.lists = lists;
    this.deadlines = deadlines;
  }

  @Transactional(readOnly = true)
  public String fill(String caseRef, String username, Model model) {
    // the kind's own get() below is the access check
    CaseParty party = cases.partyOf(caseRef).orElseThrow(() -> ApiProblem.notFound("case.none", caseRef));
    DishonestyRecord record;
    if (party.kind() == CaseKind.REPAIR) {
      var request = repairs.get(party.caseId(), username);
      record = request.getRecord();
      model.addAttribute("repair", request);
      model.addAttribute("commitmentText", repairs.commitmentText(request));
      model.addAttribute("letterUrl", request.getLetterCode() == null ? null : "/repair-requests/" + request.getId() + "/letter");
    } else {
      var dispute = disputes.get(party.caseId(), username);
      record = dispute.getRecord();
      model.addAttribute("dispute", dispute);
      model.addAttribute("commitmentText", disputes.commitmentText(dispute));
      model.addAttribute("letterUrl", dispute.getLetterCode() == null ? null : "/disputes/" + dispute.getId() + "/reply");
    }
    Hibernate.initialize(record.getDepartment());
    model.addAttribute("record", record);
    model.addAttribute("party", party);
    model.addAttribute("signed", commitments.ofCase(caseRef).map(CommitmentService.Signed::of).orElse(null));
    model.addAttribute("attachments", attachments.ofCase(caseRef));
    model.addAttribute("timeline", timeline.of(caseRef));
    model.addAttribute("steps", DatedWorkItem.of(lists.allOfCase(caseRef), deadlines));
    model.addAttribute("comments", notes.of(caseRef));
    return "cases/case";
  }
}
