package cn.credit.workflow.intake;

import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * The department's import page: a file and a choice (all or nothing, or the good rows); the dry run
 * and then the commit run as a job in the background, on a page of their own that shows how far the
 * job is (a small script asks every second) and the report at the end. Reloading the page, or coming
 * back to it from the list, finds the job where it is.
 */
@Controller
class RecordImportPagesController {

  private final ImportJobs jobs;
  private final RecordIntake intake;
  private final MessageSource messages;

  RecordImportPagesController(ImportJobs jobs, RecordIntake intake, MessageSource messages) {
    this.jobs = jobs;
    this.intake = intake;
    this.messages = messages;
  }

  @GetMapping("/records/import")
  String form(Model model, Principal principal) {
    return page(RecordImport.Mode.ALL_OR_NOTHING, List.of(), model, principal);
  }

  @PostMapping("/records/import")
  String start(@RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(defaultValue = "ALL_OR_NOTHING") RecordImport.Mode mode, Model model, Principal principal,
      HttpServletResponse response) throws IOException {
    if (file == null || file.isEmpty()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return page(mode, List.of(FieldProblem.of("file", "record.import.empty")), model, principal);
    }
    try {
      return "redirect:/records/import/" + jobs.start(file.getOriginalFilename() == null ? "" : file.getOriginalFilename(),
          file.getBytes(), mode, principal.getName());
    } catch (ApiProblem problem) {
      problem.answeredOnThePage(response);
      return page(mode, problem.errors(), model, principal);
    }
  }

  @GetMapping("/records/import/{id}")
  String job(@PathVariable String id, Model model, Principal principal) {
    ImportJobs.Job job = own(id, principal);
    model.addAttribute("department", intake.departmentOf(principal.getName()));
    model.addAttribute("job", job);
    model.addAttribute("progressLine", line(job));
    model.addAttribute("report", job.report());
    model.addAttribute("rows", job.report() == null ? null : RecordImport.byRow(job.report()));
    return "intake/import-job";
  }

  /** How far the job is, for the page's script: the line to show, the bar's value and end, and whether it still runs. */
  @GetMapping(path = "/records/import/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  Map<String, Object> progress(@PathVariable String id, Principal principal, Locale locale) {
    ImportJobs.Job job = own(id, principal);
    Map<String, Object> progress = new LinkedHashMap<>();
    progress.put("state", job.state());
    progress.put("running", job.running());
    progress.put("rowsRead", job.rowsRead());
    progress.put("rowsWritten", job.rowsWritten());
    progress.put("toWrite", job.toWrite());
    progress.put("text", messages.getMessage(line(job), new Object[] {job.rowsRead(), job.rowsWritten(),
        job.toWrite()}, locale));
    return progress;
  }

  /** Stores the checked file's good rows once; posting again (a reload, a second click) starts nothing more. */
  @PostMapping("/records/import/{id}/commit")
  String commit(@PathVariable String id, Principal principal) {
    jobs.commit(id, principal.getName());
    return "redirect:/records/import/" + id;
  }

  /** The progress line's key, also used by the page before the script runs. */
  static String line(ImportJobs.Job job) {
    return job.state() == ImportJobs.State.COMMITTING ? "record.import.progress.writing"
        : "record.import.progress.reading";
  }

  private ImportJobs.Job own(String id, Principal principal) {
    return jobs.find(id, principal.getName()).orElseThrow(() -> ApiProblem.notFound("record.import.none", id));
  }

  private String page(RecordImport.Mode mode, List<FieldProblem> errors, Model model, Principal principal) {
    model.addAttribute("department", intake.departmentOf(principal.getName()));
    model.addAttribute("jobs", jobs.recent(principal.getName()));
    model.addAttribute("mode", mode);
    model.addAttribute("modes", RecordImport.Mode.values());
    model.addAttribute("errors", errors);
    return "intake/import";
  }
}
