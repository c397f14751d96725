package cn.credit.workflow.casepage;

import cn.credit.workflow.attachment.Attachment;
import cn.credit.workflow.attachment.AttachmentService;
import cn.credit.workflow.casefile.CaseParty;
import cn.credit.workflow.casefile.Cases;
import cn.credit.workflow.process.CaseDiagrams;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.Validity;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
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

  private final Cases cases;
  private final CaseView view;
  private final CaseNotes notes;
  private final CaseDiagrams diagrams;
  private final AttachmentService attachments;

  CasePageController(Cases cases, CaseView view, CaseNotes notes, CaseDiagrams diagrams,
      AttachmentService attachments) {
    this.cases = cases;
    this.view = view;
    this.notes = notes;
    this.diagrams = diagrams;
    this.attachments = attachments;
  }

  @GetMapping("/cases/{caseRef}")
  String show(@PathVariable String caseRef, Principal principal, Model model) {
    return view.fill(caseRef, principal.getName(), model);
  }

  /** A note refused (empty, too long) comes back on the case page with the message beside the field and the text kept. */
  @PostMapping("/cases/{caseRef}/comments")
  String comment(@PathVariable String caseRef, @Valid CaseNotes.Note note, BindingResult binding, Principal principal,
      Model model, RedirectAttributes flash, HttpServletResponse response) {
    cases.requireVisible(caseRef, principal.getName());
    String body = note.body();
    if (binding.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      model.addAttribute("noteBody", body);
      model.addAttribute("errors", Validity.problems(binding));
      return view.fill(caseRef, principal.getName(), model);
    }
    try {
      notes.write(caseRef, principal.getName(), body);
    } catch (ApiProblem problem) {
      problem.answeredOnThePage(response);
      model.addAttribute("noteBody", body);
      model.addAttribute("errors", problem.errors());
      return view.fill(caseRef, principal.getName(), model);
    }
    flash.addFlashAttribute("notice", "case.commented");
    return "redirect:/cases/" + caseRef + "#comments";
  }

  /** The case's process model and where it stands, for the diagram viewer. */
  @GetMapping(value = "/cases/{caseRef}/diagram", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  CaseDiagrams.Diagram diagram(@PathVariable String caseRef, Principal principal, Locale locale) {
    CaseParty party = cases.requireVisible(caseRef, principal.getName());
    return diagrams.of(caseRef, party.kind().processKey(), locale)
        .orElseThrow(() -> ApiProblem.notFound("case.noProcess", caseRef));
  }

  /**
   * A proof file, for the applicant of the entity and the staff who may see the case; {@code inline}
   * shows a PDF or an image in the browser (the workbench's preview), anything else is downloaded.
   */
  @GetMapping("/attachments/{id}")
  ResponseEntity<byte[]> attachment(@PathVariable Long id, @RequestParam(defaultValue = "false") boolean inline,
      Principal principal) {
    Attachment file = attachments.get(id);
    cases.requireVisible(file.getCaseRef(), principal.getName());
    boolean shown = inline && (file.getContentType().equals(MediaType.APPLICATION_PDF_VALUE)
        || file.getContentType().startsWith("image/"));
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, (shown ? ContentDisposition.inline() : ContentDisposition.attachment())
            .filename(file.getFileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .contentType(MediaType.parseMediaType(file.getContentType()))
        .body(file.getContent());
  }

}
