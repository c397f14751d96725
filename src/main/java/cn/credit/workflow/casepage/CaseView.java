package cn.credit.workflow.casepage;

import cn.credit.workflow.attachment.AttachmentService;
import cn.credit.workflow.casefile.CaseDetails;
import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.casefile.CaseParty;
import cn.credit.workflow.casefile.CaseTimeline;
import cn.credit.workflow.casefile.Cases;
import cn.credit.workflow.commitment.CommitmentService;
import cn.credit.workflow.deadline.Deadlines;
import cn.credit.workflow.inbox.CaseBeside;
import cn.credit.workflow.inbox.DatedWorkItem;
import cn.credit.workflow.inbox.TaskLists;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.record.HistoryAction;
import cn.credit.workflow.record.JointMeasures;
import cn.credit.workflow.record.PublicationState;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.text.Texts;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hibernate.Hibernate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;

/**
 * What the staff case page shows, read in one transaction: the page after a GET, and again after a
 * note that was refused, with the message beside the field.
 */
@Component
class CaseView implements CaseBeside {

  private final Cases cases;
  private final CaseNotes notes;
  private final CommitmentService commitments;
  private final AttachmentService attachments;
  private final CaseTimeline timeline;
  private final TaskLists lists;
  private final Deadlines deadlines;
  private final Texts texts;
  private final JointMeasures measures;

  CaseView(Cases cases, CaseNotes notes, CommitmentService commitments, AttachmentService attachments,
      CaseTimeline timeline, TaskLists lists, Deadlines deadlines, Texts texts, JointMeasures measures) {
    this.texts = texts;
    this.measures = measures;
    this.cases = cases;
    this.notes = notes;
    this.commitments = commitments;
    this.attachments = attachments;
    this.timeline = timeline;
    this.lists = lists;
    this.deadlines = deadlines;
  }

  @Transactional(readOnly = true)
  public String fill(String caseRef, String username, Model model) {
    fillCase(caseRef, username, model);
    return "cases/case";
  }

  @Override
  @Transactional(readOnly = true)
  public void fillCase(String caseRef, String username, Model model) {
    // the kind's own details() below is the access check
    CaseParty party = cases.partyOf(caseRef).orElseThrow(() -> ApiProblem.notFound("case.none", caseRef));
    CaseDetails details = cases.details(party.kind(), party.caseId(), username);
    DishonestyRecord record = details.record();
    model.addAttribute(party.kind().code(), details.kase());
    model.addAttribute("kase", details.kase());
    model.addAttribute("kind", party.kind().code());
    model.addAttribute("commitmentText", details.commitmentText());
    model.addAttribute("letterUrl", details.letterUrl());
    Hibernate.initialize(record.getDepartment());
    model.addAttribute("record", record);
    model.addAttribute("recordHistory", record.getHistory().stream()
        .filter(h -> h.getAction() == HistoryAction.STATE_CHANGED)
        .map(h -> new StateChange(h.getOccurredAt(), h.getActor(), h.getFromState(), h.getToState(),
            texts.current(h.reasonText())))
        .toList());
    model.addAttribute("party", party);
    model.addAttribute("signed", commitments.ofCase(caseRef).map(CommitmentService.Signed::of).orElse(null));
    model.addAttribute("attachments", attachments.ofCase(caseRef));
    model.addAttribute("timeline", timeline.of(caseRef));
    model.addAttribute("steps", DatedWorkItem.of(lists.allOfCase(caseRef), deadlines));
    model.addAttribute("comments", notes.of(caseRef));
    model.addAttribute("related", cases.aboutRecord(record.getId(), caseRef));
    // what a granted repair has the record's member departments lift (other kinds lift nothing)
    model.addAttribute("measures", party.kind() == CaseKind.REPAIR ? measures.toLift(record.getId()) : List.of());
    // the way back to the open task, for those who may work it (assignee, or its department's queue)
    Set<String> groups = lists.groupsOf(username);
    model.addAttribute("workable", lists.openOfCase(caseRef).stream()
        .filter(i -> username.equals(i.getAssignee()) || groups.contains(i.getCandidateGroup()))
        .toList());
  }

  /** A change of the record's publication state, its reason in the page's language. */
  public record StateChange(Instant at, String actor, PublicationState from, PublicationState to, String reason) {}
}
