package cn.credit.workflow.casefile;

import cn.credit.workflow.department.Department;
import cn.credit.workflow.text.Text;
import java.time.LocalDate;

/** Texts that every kind of case writes alike, said once. */
public final class CaseTexts {

  private CaseTexts() {}

  /** A department by its two names from the directory. */
  public static Text department(Department department) {
    return Text.both(department.getNameZh(), department.getNameEn());
  }

  /** The timeline line of an extension: the new limit and the reason given. */
  public static Text extended(LocalDate newDue, String reason) {
    return Text.of("timeline.extended", newDue, reason);
  }
}
