package cn.credit.workflow.notification;

import cn.credit.workflow.user.AppUser;
import cn.credit.workflow.user.Role;
import java.time.Clock;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
  /** Model key of the page a mail links to (a path of the site); without it, the case page for the recipient. */
  public static final String PATH = "path";

  private final NotificationRepository outbox;
  private final ITemplateEngine templates;
  private final MessageSource messages;
  private final Clock clock;

  private final String siteUrl;

  Notifier(NotificationRepository outbox, ITemplateEngine templates, MessageSource messages, Clock clock,
      @Value("${credit.site-url}") String siteUrl) {
    this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
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
      context.setVariable("link", linkFor(recipient, model, caseRef));
      String subject = messages.getMessage("mail." + kind.template() + ".subject",
          new Object[] {model.getOrDefault("subjectArg", ""), caseRef == null ? "" : caseRef}, MAIL_LOCALE);
      String body = templates.process("mail/" + kind.template(), context);
      outbox.save(new Notification(dedupKey, kind, recipient.getUsername(), recipient.getEmail(), subject, body, caseRef,
          clock.instant()));
      queued++;
    }
    return queued;
  }

  /** Applicants go to their own case page; staff to the task, or to the case as the departments see it. */
  private String linkFor(AppUser recipient, Map<String, Object> model, String caseRef) {
    if (model.get(PATH) != null) {
      return siteUrl + model.get(PATH);
    }
    if (caseRef == null) {
      return null;
    }
    return siteUrl + (recipient.hasRole(Role.APPLICANT) ? "/portal/cases/" : "/cases/") + caseRef;
  }
}
