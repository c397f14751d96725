package cn.credit.workflow.intake;

import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldProblem;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The department's import page: a file and a choice (all or nothing, or the good rows), a dry run
 * that shows the report, then a commit of the same file, kept in the session in between.
 */
@Controller
class RecordImportPagesController {

  /** The file of the last dry run, which the commit button stores. */
  static final String PENDING = "recordImport.pending";

  record Pending(String fileName, byte[] content, RecordImport.Mode mode) implements Serializable {}

  private final RecordImport imports;
  private final RecordIntake intake;

  RecordImportPagesController(RecordImport imports, RecordIntake intake) {
    this.imports = imports;
    this.intake = intake;
  }

  @GetMapping("/records/import")
  String form(Model model, Principal principal) {
    return page(null, RecordImport.Mode.ALL_OR_NOTHING, List.of(), model, principal);
  }

  @PostMapping("/records/import")
  String preview(@RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(defaultValue = "ALL_OR_NOTHING") RecordImport.Mode mode, HttpSession session, Model model,
      Principal principal, HttpServletResponse response) throws IOException {
    if (file == null || file.isEmpty()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return page(null, mode, List.of(FieldProblem.of("file", "record.import.empty")),
          model, principal);
    }
    Pending pending = new Pending(file.getOriginalFilename(), file.getBytes(), mode);
    try {
      RecordImport.Report report = imports.run(pending.fileName(), new ByteArrayInputStream(pending.content()), mode,
          false, principal.getName());
      session.setAttribute(PENDING, pending);
      return page(report, mode, List.of(), model, principal);
    } catch (ApiProblem problem) {
      problem.answeredOnThePage(response);
      return page(null, mode, problem.errors(), model, principal);
    }
  }

  @PostMapping("/records/import/commit")
  String commit(HttpSession session, Model model, Principal principal, HttpServletResponse response) {
    if (!(session.getAttribute(PENDING) instanceof Pending pending)) {
      return "redirect:/records/import";
    }
    RecordImport.Report report = imports.run(pending.fileName(), new ByteArrayInputStream(pending.content()),
        pending.mode(), true, principal.getName());
    session.removeAttribute(PENDING);
    if (!report.committed()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
    }
    return page(report, pending.mode(), List.of(), model, principal);
  }

  private String page(RecordImport.Report report, RecordImport.Mode mode, List<FieldProblem> errors, Model model,
      Principal principal) {
    model.addAttribute("department", intake.departmentOf(principal.getName()));
    model.addAttribute("report", report);
    model.addAttribute("rows", report == null ? null : RecordImport.byRow(report));
    model.addAttribute("mode", mode);
    model.addAttribute("modes", RecordImport.Mode.values());
    model.addAttribute("errors", errors);
    return "intake/import";
  }
}
