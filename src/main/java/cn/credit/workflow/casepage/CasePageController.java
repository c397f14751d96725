package cn.credit.workflow.casepage;

import cn.credit.workflow.attachment.Attachment;
import cn.credit.workflow.attachment.AttachmentService;
import cn.credit.workflow.casefile.CaseParty;
import cn.credit.workflow.casefile.Cases;
import cn.credit.workflow.casefile.CaseTimeline;
import cn.credit.workflow.commitment.CommitmentService;
import cn.credit.workflow.deadline.Deadlines;
import cn.credit.workflow.dispute.DisputeService;
import cn.credit.workflow.inbox.DatedWorkItem;
import cn.credit.workflow.inbox.TaskLists;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.repair.RepairService;
import org.hibernate.Hibernate;
import cn.credit.workflow.system.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case as staff see it: the record, the request, the commitment, the files, every step with
 * who, when and the deadline, the diagram with the current step, and notes between departments.
 */
@Controller
class CasePageController {

  private final CaseAccess access;
  private final Cases cases;
  private final CaseNotes notes;
  private final CaseDiagrams diagrams;
  private final RepairService repairs;
  private final DisputeService disputes;
  private final CommitmentService commitments;
  private final AttachmentService attachments;
  private final CaseTimeline timeline;
  private final TaskLists lists;
  private final Deadlines deadlines;

  CasePageController(CaseAccess access, Cases cases, CaseNotes notes, CaseDiagrams diagrams, RepairService repairs,
      DisputeService disputes, CommitmentService commitments, AttachmentService attachments, CaseTimeline timeline,
      TaskLists lists, Deadlines deadlines) {
    this.access = access;
    this.cases = cases;
    this.notes = notes;
    this.diagrams = diagrams;
    this.repairs = repairs;
    this.disputes = disputes;
    this.commitments = commitments;
    this.attachments = attachments;
    this.timeline = timeline;
    this.lists = lists;
    this.deadlines = deadlines;
  }

  @GetMapping("/cases/{caseRef}")
  @Transactional(readOnly = true)
  public String show(@PathVariable String caseRef, Principal principal, Model model) {
    // the kind's own get() below is the access check
    CaseParty party = cases.partyOf(caseRef).orElseThrow(() -> ApiProblem.notFound("no case " + caseRef));
    DishonestyRecord record;
    if ("repair".equals(party.kind())) {
      var request = repairs.get(party.caseId(), principal.getName());
      record = request.getRecord();
      model.addAttribute("repair", request);
      model.addAttribute("commitmentText", repairs.commitmentText(request));
      model.addAttribute("letterUrl", request.getLetterCode() == null ? null : "/repair-requests/" + request.getId() + "/letter");
    } else {
      var dispute = disputes.get(party.caseId(), principal.getName());
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

  @PostMapping("/cases/{caseRef}/comments")
  String comment(@PathVariable String caseRef, @RequestParam(required = false) String body, Principal principal,
      RedirectAttributes flash) {
    access.require(caseRef, principal.getName());
    notes.write(caseRef, principal.getName(), body);
    flash.addFlashAttribute("notice", "case.commented");
    return "redirect:/cases/" + caseRef + "#comments";
  }

  /** The case's process model and where it stands, for the diagram viewer. */
  @GetMapping(value = "/cases/{caseRef}/diagram", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  CaseDiagrams.Diagram diagram(@PathVariable String caseRef, Principal principal) {
    CaseParty party = access.require(caseRef, principal.getName());
    return diagrams.of(caseRef, "repair".equals(party.kind()) ? RepairService.PROCESS_KEY : DisputeService.PROCESS_KEY)
        .orElseThrow(() -> ApiProblem.notFound("case " + caseRef + " has no process yet"));
  }

  /** A proof file, for the applicant of the entity and the staff who may see the case. */
  @GetMapping("/attachments/{id}")
  ResponseEntity<byte[]> attachment(@PathVariable Long id, Principal principal) {
    Attachment file = attachments.get(id);
    access.require(file.getCaseRef(), principal.getName());
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(file.getFileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .contentType(MediaType.parseMediaType(file.getContentType()))
        .body(file.getContent());
  }

}
