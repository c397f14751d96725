package cn.credit.workflow.notification;

import cn.credit.workflow.user.AppUser;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the applicant that the case moved: one mail per case and change, written with the change
 * ({@link Notifier}), in Chinese with English alongside.
 */
@Service
public class ApplicantNotifier {

  private final Notifier notifier;
  private final MessageSource messages;

  ApplicantNotifier(Notifier notifier, MessageSource messages) {
    this.notifier = notifier;
    this.messages = messages;
  }

  /**
   * @param occurrence distinguishes two changes of the same kind in one case (say, the deadline
   *     extended twice); null when the change happens once per case
   * @param detailZh what the applicant should know or do, in Chinese (reasons, the new date, …)
   * @param detailEn the same in English
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void tell(AppUser applicant, String caseRef, ApplicantUpdate update, String occurrence, String detailZh,
      String detailEn) {
    Map<String, Object> model = new HashMap<>();
    String statusZh = messages.getMessage(update.messageKey(), null, Locale.SIMPLIFIED_CHINESE);
    model.put("subjectArg", statusZh);
    model.put("statusZh", statusZh);
    model.put("statusEn", messages.getMessage(update.messageKey(), null, Locale.ENGLISH));
    model.put("detailZh", detailZh);
    model.put("detailEn", detailEn);
    String event = "case:" + caseRef + ":" + update + (occurrence == null ? "" : ":" + occurrence);
    notifier.notify(MailKind.CASE_UPDATE, event, List.of(applicant), model, caseRef);
  }
}
