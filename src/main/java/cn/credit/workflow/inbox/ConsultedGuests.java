package cn.credit.workflow.inbox;

import cn.credit.workflow.casefile.CaseGuests;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Those asked for an opinion about a case (a {@link TaskAction.Kind#CONSULT} naming them) may read it. */
@Component
class ConsultedGuests implements CaseGuests {

  private final TaskActionRepository actions;

  ConsultedGuests(TaskActionRepository actions) {
    this.actions = actions;
  }

  @Override
  @Transactional(readOnly = true)
  public boolean invited(String caseRef, String username) {
    return caseRef != null && actions.existsByCaseRefAndTargetAndAction(caseRef, username, TaskAction.Kind.CONSULT);
  }
}
