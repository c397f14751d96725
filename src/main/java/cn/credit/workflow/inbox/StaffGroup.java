package cn.credit.workflow.inbox;

import cn.credit.workflow.department.Department;
import cn.credit.workflow.user.AppUser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * Staff to pick from, by department (an optgroup each), so that asking another department's
 * officer means finding the department first; city leaders, who belong to none, come first.
 */
public record StaffGroup(String label, List<AppUser> people) {

  static List<StaffGroup> of(List<AppUser> staff, MessageSource messages, Locale locale) {
    Map<String, List<AppUser>> byDepartment = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    staff.stream().sorted(Comparator.comparingInt((AppUser u) -> u.getDepartment() == null ? -1 : u.getDepartment().getSortOrder())
        .thenComparing(AppUser::getUsername)).forEach(u -> {
          Department d = u.getDepartment();
          String code = d == null ? "" : d.getCode();
          labels.computeIfAbsent(code, c -> d == null ? messages.getMessage("tasks.staff.noDepartment", null, locale)
              : "en".equals(locale.getLanguage()) ? d.getNameEn() : d.getNameZh());
          byDepartment.computeIfAbsent(code, c -> new ArrayList<>()).add(u);
        });
    return byDepartment.entrySet().stream().map(e -> new StaffGroup(labels.get(e.getKey()), e.getValue())).toList();
  }
}
