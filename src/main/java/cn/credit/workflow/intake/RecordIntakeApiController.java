package cn.credit.workflow.intake;

import cn.credit.workflow.record.RecordHistoryEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A department's own records over the API. The service checks each body whole (field and cross-field
 * rules) so that one answer names every problem.
 */
@RestController
@Tag(name = "records", description = "失信信息登记 A department registers, amends and withdraws its own records")
class RecordIntakeApiController {

  private final RecordIntake intake;

  RecordIntakeApiController(RecordIntake intake) {
    this.intake = intake;
  }

  @PostMapping("/api/records")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Register one of the department's records (201; 409 when its document number is "
      + "registered already; 422 naming each field). Severity from record-severity.dmn unless classified otherwise with a reason.")
  Map<String, Object> register(@RequestBody RecordIntake.RecordForm body, Principal principal) {
    return view(intake.register(body, principal.getName()));
  }

  @GetMapping("/api/records/{id}")
  @Operation(summary = "One of the department's records with its history (another department's: 404)")
  Map<String, Object> one(@PathVariable Long id, Principal principal) {
    return view(intake.own(id, principal.getName()));
  }

  @PutMapping("/api/records/{id}")
  @Operation(summary = "Amend the department's record after its decision changed (令 36 art. 19), citing the changing "
      + "document, its documentDate (yyyy-MM-dd; registered more than limits.revocation-report working days after it: "
      + "flagged late) and a reason; old values stay in the history, open cases on the record are told. 422 naming "
      + "each field; another department's record: 404")
  Map<String, Object> amend(@PathVariable Long id, @RequestBody RecordIntake.AmendForm body, Principal principal) {
    return view(intake.amend(id, body, principal.getName()));
  }

  @PostMapping("/api/records/{id}/withdraw")
  @Operation(summary = "Withdraw the department's record whose decision was revoked (令 36 art. 19), citing the "
      + "revoking document, its documentDate and a reason: it leaves the public pages at once and the open cases on "
      + "it end with a notice; flagged late after limits.revocation-report working days. 409 when withdrawn already")
  Map<String, Object> withdraw(@PathVariable Long id, @RequestBody RecordIntake.WithdrawForm body,
      Principal principal) {
    return view(intake.withdraw(id, body, principal.getName()));
  }

  static Map<String, Object> view(RecordView r) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", r.id());
    view.put("decisionNumber", r.decisionNumber());
    view.put("uscc", r.uscc());
    view.put("department", r.department());
    view.put("type", r.type());
    view.put("penaltyTypes", r.penaltyTypes());
    view.put("severity", r.severity());
    view.put("tableSeverity", r.tableSeverity() == null ? r.severity() : r.tableSeverity());
    view.put("classificationReason", r.classificationReason());
    view.put("title", r.title());
    view.put("content", r.content());
    view.put("decisionDate", r.decisionDate());
    view.put("termEndDate", r.termEndDate());
    view.put("amount", r.amount());
    view.put("legalBasis", r.legalBasis());
    view.put("state", r.state());
    view.put("publicationReason", r.publicationReason());
    view.put("neverRepairable", r.neverRepairable());
    view.put("registeredOn", r.registeredOn());
    view.put("registeredLate", r.registeredLate());
    view.put("earliestRepairDate", r.earliestRepairDate());
    view.put("automaticEndDate", r.automaticEndDate());
    view.put("history", r.history().stream().map(RecordIntakeApiController::line).toList());
    return view;
  }

  private static Map<String, Object> line(RecordHistoryEntry h) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("at", h.getOccurredAt());
    line.put("actor", h.getActor());
    line.put("action", h.getAction());
    line.put("from", h.getFromState());
    line.put("to", h.getToState());
    line.put("changes", h.getChanges());
    line.put("reason", h.getReason());
    return line;
  }
}
