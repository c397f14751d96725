package cn.credit.workflow.casefile;

import cn.credit.workflow.department.Departments;
import cn.credit.workflow.record.RecordCorrections;
import cn.credit.workflow.text.Text;
import cn.credit.workflow.user.AppUser;
import cn.credit.workflow.user.Role;
import cn.credit.workflow.user.Users;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The timeline's lines in words for people. Events keep what the steps wrote (codes of departments
 * and materials, a correction's "field: old → new" lines); the reader sees names: a department's
 * name, a material's name, a field's name. The applicant also sees a department where staff see the
 * person who acted, and no commitment hash or template version (the commitment is on the case page).
 */
@Component
class CaseWords {

  private final Departments departments;
  private final Users users;

  CaseWords(Departments departments, Users users) {
    this.departments = departments;
    this.users = users;
  }

  /** The detail of an event, for anyone: names instead of codes. */
  Text detail(String type, Text stored, boolean forApplicant) {
    if ("CORRECTED".equals(type) && stored instanceof Text.Both raw) {
      return Text.of("timeline.corrected", RecordCorrections.of(raw.zh()));
    }
    if (!(stored instanceof Text.Key key)) {
      return stored;
    }
    List<Object> args = key.args();
    return switch (key.key()) {
      case "timeline.filed.repairWithMaterials" -> args.size() < 2 ? stored : Text.of(key.key(), args.get(0),
          codes(args.get(1)).stream().map(material -> (Object) Text.of("material." + material)).toList());
      case "timeline.granted" -> args.isEmpty() ? stored : Text.of(key.key(),
          codes(args.get(0)).stream().map(this::department).toList());
      case "timeline.assistanceRequested" -> args.size() < 2 ? stored
          : Text.of(key.key(), department(String.valueOf(args.get(0))), args.get(1));
      case "timeline.commitmentSigned" -> forApplicant ? null : stored;
      default -> stored;
    };
  }

  /**
   * Who acted, as the applicant reads it: the applicant themselves, or the department of the staff
   * member (never their user name); nothing for the system's own steps.
   */
  Text actorForApplicant(String username) {
    if (username == null || "system".equals(username)) {
      return null;
    }
    AppUser user = users.findById(username).orElse(null);
    if (user == null) {
      return null;
    }
    if (user.hasRole(Role.APPLICANT)) {
      return Text.of("timeline.actor.applicant");
    }
    return user.getDepartment() == null ? null : CaseTexts.department(user.getDepartment());
  }

  /** A department by its name in both languages; the code itself for one no longer in the directory. */
  Object department(String code) {
    return departments.findById(code).<Object>map(CaseTexts::department).orElse(code);
  }

  /** "[a, b]" or "a,b" as it was written into an event's argument. */
  private static List<String> codes(Object written) {
    String text = String.valueOf(written).replace("[", "").replace("]", "");
    return text.isBlank() ? List.of() : new ArrayList<>(Arrays.stream(text.split(",")).map(String::strip).toList());
  }
}
