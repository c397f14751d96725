package cn.credit.workflow.inbox;

import org.springframework.ui.Model;

/**
 * The whole case beside a task's form (the workbench), filled by the staff case page's own reader
 * so that the task page gathers nothing twice; the case page depends on the inbox, not the reverse.
 */
public interface CaseBeside {

  /** Adds the case to the page's model as the case page shows it; 404 when the person may not see it. */
  void fillCase(String caseRef, String username, Model model);
}
