package cn.credit.workflow.notification;

import cn.credit.workflow.casefile.CaseRecord;
import cn.credit.workflow.text.Text;
import cn.credit.workflow.text.Texts;
import cn.credit.workflow.user.AppUser;
import cn.credit.workflow.user.Users;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the applicant that the case moved: one mail per case and change, written with the change
 * ({@link Notifier}), in Chinese with English alongside, both from the bundles by key.
 */
@Service
public class ApplicantNotifier {

  private final Notifier notifier;
  private final Texts texts;
  private final Users users;

  ApplicantNotifier(Notifier notifier, Texts texts, Users users) {
    this.notifier = notifier;
    this.texts = texts;
    this.users = users;
  }

  /** Tells the applicant of {@code filed}, for a change that happens once per case. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void tell(CaseRecord filed, ApplicantUpdate update, Text detail) {
    tell(filed, update, null, detail);
  }

  /** @param occurrence distinguishes two changes of the same kind in one case; null when it happens once */
  @Transactional(propagation = Propagation.MANDATORY)
  public void tell(CaseRecord filed, ApplicantUpdate update, String occurrence, Text detail) {
    AppUser applicant = users.findById(filed.getApplicant()).orElseThrow();
    tell(applicant, filed.getCaseRef(), update, occurrence, detail);
  }

  /**
   * @param occurrence distinguishes two changes of the same kind in one case (say, the deadline
   *     extended twice); null when the change happens once per case
   * @param detail what the applicant should know or do (reasons, the new date, …); null for nothing more
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void tell(AppUser applicant, String caseRef, ApplicantUpdate update, String occurrence, Text detail) {
    Map<String, Object> model = new HashMap<>();
    Text status = Text.of(update.messageKey());
    String statusZh = texts.zh(status);
    model.put("subjectArg", statusZh);
    model.put("statusZh", statusZh);
    model.put("statusEn", texts.en(status));
    model.put("detailZh", texts.zh(detail));
    model.put("detailEn", texts.en(detail));
    String event = "case:" + caseRef + ":" + update + (occurrence == null ? "" : ":" + occurrence);
    notifier.notify(MailKind.CASE_UPDATE, event, List.of(applicant), model, caseRef);
  }
}
