package cn.credit.workflow.oversight;

import cn.credit.workflow.deadline.Deadlines;
import cn.credit.workflow.deadline.Step;
import cn.credit.workflow.department.Department;
import cn.credit.workflow.department.Departments;
import cn.credit.workflow.inbox.DatedWorkItem;
import cn.credit.workflow.inbox.LoadRow;
import cn.credit.workflow.inbox.OnTimeRow;
import cn.credit.workflow.inbox.Workload;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.user.AppUser;
import cn.credit.workflow.user.Role;
import cn.credit.workflow.user.Users;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The leaders' view: overdue tasks oldest first with how many working days past due, open and
 * overdue by department and step, each department's on-time rate this month as a chart; urge (催办)
 * and supervise (督办).
 */
@Controller
class OversightController {

  private final Workload workload;
  private final OversightService oversight;
  private final Users users;
  private final Departments departments;
  private final Deadlines deadlines;
  private final RecordService records;

  OversightController(Workload workload, OversightService oversight, Users users,
      Departments departments, Deadlines deadlines, RecordService records) {
    this.records = records;
    this.workload = workload;
    this.oversight = oversight;
    this.users = users;
    this.departments = departments;
    this.deadlines = deadlines;
  }

  /** One department in the chart: open and overdue tasks, and this month's on-time rate (null: nothing completed). */
  public record DepartmentBar(String code, String name, long open, long overdue, long completed, Integer onTimePercent) {}

  @GetMapping("/oversight")
  String board(Principal principal, Model model, Locale locale) {
    AppUser leader = leader(principal.getName());
    Set<String> scope = leader.hasRole(Role.CITY_LEADER) ? null : Set.of(leader.getDepartment().getCode());
    Map<String, Department> byCode = departments.findAllByOrderBySortOrder().stream()
        .collect(Collectors.toMap(Department::getCode, Function.identity()));
    List<LoadRow> load = workload.openByDepartmentAndStep(scope);
    Map<String, OnTimeRow> onTime = workload.onTimeThisMonth().stream()
        .collect(Collectors.toMap(OnTimeRow::getDepartment, Function.identity()));
    Set<String> shown = new TreeSet<>(scope == null ? byCode.keySet() : scope);
    List<DepartmentBar> bars = new ArrayList<>();
    for (String code : shown) {
      long open = load.stream().filter(r -> code.equals(r.getDepartment())).mapToLong(LoadRow::getOpen).sum();
      long overdue = load.stream().filter(r -> code.equals(r.getDepartment())).mapToLong(LoadRow::getOverdue).sum();
      OnTimeRow done = onTime.get(code);
      Department department = byCode.get(code);
      String name = department == null ? code : "en".equals(locale.getLanguage()) ? department.getNameEn() : department.getNameZh();
      bars.add(new DepartmentBar(code, name, open, overdue, done == null ? 0 : done.getTotal(),
          done == null || done.getTotal() == 0 ? null : (int) Math.round(100.0 * done.getOnTime() / done.getTotal())));
    }
    bars.sort(Comparator.comparingLong(DepartmentBar::overdue).reversed().thenComparing(DepartmentBar::code));
    model.addAttribute("cityWide", scope == null);
    model.addAttribute("late", DatedWorkItem.of(workload.overdue(scope), deadlines));
    model.addAttribute("load", load);
    model.addAttribute("bars", bars);
    model.addAttribute("maxOpen", Math.max(1, bars.stream().mapToLong(DepartmentBar::open).max().orElse(1)));
    model.addAttribute("names", byCode.values().stream().collect(Collectors.toMap(Department::getCode,
        d -> "en".equals(locale.getLanguage()) ? d.getNameEn() : d.getNameZh(), (a, b) -> a, LinkedHashMap::new)));
    model.addAttribute("followUp", oversight.followUpList(principal.getName()));
    // records each department registered, and those registered late (seed 003 §二)
    model.addAttribute("registrations", records.registrationsByDepartment().stream()
        .filter(r -> scope == null || scope.contains(r.department())).toList());
    model.addAttribute("lateRegistrations", records.latestLate(scope));
    model.addAttribute("publishLimit", deadlines.current().workingDays(Step.PUBLISH));
    // withdrawals and amendments after a revoking or changing decision, late after 3 working days (条例 art. 40)
    model.addAttribute("revisions", records.revisionsByDepartment().stream()
        .filter(r -> scope == null || scope.contains(r.department())).toList());
    model.addAttribute("lateRevisions", records.latestLateRevisions(scope));
    model.addAttribute("revocationLimit", deadlines.current().workingDays(Step.REVOCATION_REPORT));
    return "oversight/board";
  }

  @PostMapping("/oversight/tasks/{taskId}/urge")
  String urge(@PathVariable String taskId, @RequestParam(required = false) String message, Principal principal,
      RedirectAttributes flash) {
    oversight.urge(taskId, principal.getName(), message);
    flash.addFlashAttribute("notice", "oversight.urged");
    return "redirect:/oversight";
  }

  @PostMapping("/oversight/cases/{caseRef}/supervise")
  String supervise(@PathVariable String caseRef, @RequestParam(required = false) String note, Principal principal,
      RedirectAttributes flash) {
    oversight.supervise(caseRef, principal.getName(), note);
    flash.addFlashAttribute("notice", "oversight.supervised");
    return "redirect:/oversight";
  }

  @PostMapping("/oversight/cases/{caseRef}/unsupervise")
  String endSupervision(@PathVariable String caseRef, Principal principal, RedirectAttributes flash) {
    oversight.endSupervision(caseRef, principal.getName());
    flash.addFlashAttribute("notice", "oversight.supervisionEnded");
    return "redirect:/oversight";
  }

  private AppUser leader(String username) {
    AppUser user = users.findById(username).orElseThrow(() -> ApiProblem.forbidden("user.unknown", username));
    boolean departmentLeader = user.hasRole(Role.LEADER) && user.getDepartment() != null;
    if (!departmentLeader && !user.hasRole(Role.CITY_LEADER)) {
      throw ApiProblem.forbidden("oversight.boardLeadersOnly");
    }
    return user;
  }
}
