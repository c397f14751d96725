package cn.credit.workflow.notification;

import cn.credit.workflow.user.AppUser;
import java.time.Clock;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Writes mails into the outbox, in the transaction of the state change they report: a decision
 * and its mail commit together or not at all, and sending happens later ({@link MailDispatcher}).
 */
@Service
public class Notifier {

  private static final Logger log = LoggerFactory.getLogger(Notifier.class);
  private static final Locale MAIL_LOCALE = Locale.SIMPLIFIED_CHINESE;

  private final NotificationRepository outbox;
  private final ITemplateEngine templates;
  private final MessageSource messages;
  private final Clock clock;

  Notifier(NotificationRepository outbox, ITemplateEngine templates, MessageSource messages, Clock clock) {
    this.outbox = outbox;
    this.templates = templates;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * Queues one mail per recipient for the event named by {@code eventKey}. A recipient who already
   * has a mail for that event gets none: listeners may fire more than once, mails do not.
   *
   * @return how many mails were queued
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int notify(MailKind kind, String eventKey, Collection<AppUser> recipients, Map<String, Object> model,
      String caseRef) {
    int queued = 0;
    for (AppUser recipient : recipients) {
      if (recipient.getEmail() == null || recipient.getEmail().isBlank()) {
        log.warn("No mail address for {}: {} mail for {} not queued", recipient.getUsername(), kind, eventKey);
        continue;
      }
      String dedupKey = eventKey + "/" + recipient.getUsername();
      if (outbox.existsByDedupKey(dedupKey)) {
        continue;
      }
      Context context = new Context(MAIL_LOCALE, model);
      context.setVariable("recipient", recipient);
      context.setVariable("caseRef", caseRef);
      String subject = messages.getMessage("mail." + kind.template() + ".subject",
          new Object[] {model.getOrDefault("subjectArg", ""), caseRef == null ? "" : caseRef}, MAIL_LOCALE);
      String body = templates.process("mail/" + kind.template(), context);
      outbox.save(new Notification(dedupKey, kind, recipient.getUsername(), recipient.getEmail(), subject, body, caseRef,
          clock.instant()));
      queued++;
    }
    return queued;
  }
}
