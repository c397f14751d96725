package cn.credit.workflow.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what is due in the outbox. Each mail is first claimed (one node wins), then sent outside
 * any transaction, then marked sent, or put back with a growing pause when the server refused it;
 * after the last attempt it is marked failed for an administrator to see and send again.
 */
@Component
public class MailDispatcher {

  private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

  private final NotificationRepository outbox;
  private final JavaMailSender mailSender;
  private final TransactionTemplate tx;
  private final MailProperties properties;
  private final Clock clock;
  private final InternetAddress sender;

  MailDispatcher(NotificationRepository outbox, JavaMailSender mailSender, TransactionTemplate tx,
      MailProperties properties, Clock clock, MessageSource messages) throws AddressException, UnsupportedEncodingException {
    this.outbox = outbox;
    this.mailSender = mailSender;
    this.tx = tx;
    this.properties = properties;
    this.clock = clock;
    this.sender = senderOf(properties.from(), messages.getMessage("mail.sender", null, Locale.SIMPLIFIED_CHINESE));
  }

  /**
   * The configured address with the display name from the message bundle, which is read as UTF-8
   * (application.properties is read as ISO-8859-1: a Chinese name there arrived garbled). An
   * address configured with a name of its own ({@code 名称 <address>}, say from the environment) keeps it.
   */
  static InternetAddress senderOf(String configured, String name) throws AddressException, UnsupportedEncodingException {
    InternetAddress address = new InternetAddress(configured, true);
    if (address.getPersonal() == null) {
      address.setPersonal(name, StandardCharsets.UTF_8.name());
    }
    return address;
  }

  @Scheduled(initialDelayString = "${credit.mail.poll-interval}", fixedDelayString = "${credit.mail.poll-interval}")
  void poll() {
    if (properties.dispatchEnabled()) {
      dispatchDue();
    }
  }

  /** Sends every mail whose time has come; returns how many went out. */
  public int dispatchDue() {
    tx.executeWithoutResult(s -> outbox.releaseStale(clock.instant().minus(properties.staleAfter())));
    List<Long> due = tx.execute(s -> outbox.findDue(clock.instant(), PageRequest.of(0, properties.batchSize())));
    int sent = 0;
    for (Long id : due) {
      Integer claimed = tx.execute(s -> outbox.claim(id, clock.instant()));
      if (claimed != null && claimed == 1 && send(id)) {
        sent++;
      }
    }
    return sent;
  }

  private boolean send(Long id) {
    Notification mail = tx.execute(s -> outbox.findById(id).orElseThrow());
    try {
      MimeMessage message = mailSender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
      helper.setFrom(sender);
      helper.setTo(mail.getRecipientEmail());
      helper.setSubject(mail.getSubject());
      helper.setText(mail.getBody(), true);
      mailSender.send(message);
      tx.executeWithoutResult(s -> outbox.findById(id).orElseThrow().sent(clock.instant()));
      return true;
    } catch (Exception e) {
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      tx.executeWithoutResult(s -> outbox.findById(id).orElseThrow().attemptFailed(error, clock.instant(),
          properties.firstRetryPause(), properties.longestRetryPause(), properties.maxAttempts()));
      log.warn("Mail {} to {} ({}) not sent, attempt {}: {}", id, mail.getRecipientEmail(), mail.getKind(),
          mail.getAttempts() + 1, error);
      return false;
    }
  }

  /** An administrator sends a failed mail again. */
  public void retry(Long id) {
    tx.executeWithoutResult(s -> outbox.findById(id).ifPresent(n -> n.retryNow(clock.instant())));
  }
}
