package cn.credit.workflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.EngineTest;
import cn.credit.workflow.EngineTime;
import cn.credit.workflow.oversight.EscalationService;
import cn.credit.workflow.process.TaskRef;
import cn.credit.workflow.text.Text;
import cn.credit.workflow.user.AppUser;
import cn.credit.workflow.user.AppUserRepository;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Mail through a real SMTP server (GreenMail): what arrives, for whom, and what a server outage does. */
@EngineTest
class MailOutboxTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired EscalationService escalation;
  @Autowired NotificationRepository outbox;
  @Autowired MailDispatcher dispatcher;
  @Autowired TransactionTemplate tx;
  @Autowired ApplicantNotifier applicantNotifier;
  @Autowired AppUserRepository users;

  private Instant now;

  @BeforeEach
  void clock() {
    // start after every other test's mails, so that only this test's are due
    now = Instant.parse("2030-03-04T02:00:00Z");
    EngineTime.set(now);
    tx.executeWithoutResult(s -> outbox.findAll().forEach(n -> {
      if (n.getStatus() != NotificationStatus.SENT) {
        outbox.delete(n);
      }
    }));
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  @Test
  void aNewTaskMailsTheDepartmentsReviewersInChineseWithEnglishAlongside() throws Exception {
    tx.executeWithoutResult(s -> escalation.taskArrived(task("mail-1", "受理 Accept", "tax", "R-2030-0001")));
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage mail = received[0];
    assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("reviewer.tax@example.com");
    assertThat(mail.getSubject()).isEqualTo("【新任务】受理 Accept R-2030-0001");
    assertThat(mail.getFrom()[0].toString()).contains("noreply@credit.example.cn");
    String body = (String) mail.getContent();
    assertThat(body).contains("市税务局经办人").contains("您部门的待办中新到一项任务").contains("2030-03-06（暂定 provisional）")
        .contains("A new task has arrived in your department's queue").contains("R-2030-0001");
  }

  /** The display name comes from the message bundle (UTF-8); written in application.properties it arrived garbled. */
  @Test
  void theSenderIsNamedInChineseInTheRawMessage() throws Exception {
    tx.executeWithoutResult(s -> escalation.taskArrived(task("mail-6", "受理 Accept", "tax", "R-2030-0006")));
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);
    String raw = GreenMailUtil.getWholeMessage(smtp.getReceivedMessages()[0]);
    // the header block ends at the first empty line; a long header goes on in lines that start with a space
    String headers = raw.substring(0, raw.indexOf("\r\n\r\n")).replaceAll("\r\n[ \t]+", " ");
    String from = headers.lines().filter(l -> l.regionMatches(true, 0, "From:", 0, 5)).findFirst().orElseThrow()
        .substring(5).strip();
    assertThat(from).as("RFC 2047 encoded words: ASCII on the wire").matches("\\p{ASCII}+").contains("=?UTF-8?");
    InternetAddress sender = new InternetAddress(from, true);
    assertThat(sender.getPersonal()).isEqualTo("信用修复平台");
    assertThat(sender.getAddress()).isEqualTo("noreply@credit.example.cn");
    assertThat(MailDispatcher.senderOf("信用办 <office@credit.example.cn>", "信用修复平台").getPersonal())
        .as("a name configured with the address is kept").isEqualTo("信用办");
  }

  @Test
  void aServerThatIsDownLeavesTheMailQueuedAndItGoesOutOnceTheServerIsBack() throws Exception {
    smtp.stop();
    tx.executeWithoutResult(s -> escalation.taskArrived(task("mail-2", "核查 Verify", "ecology", "R-2030-0002")));
    assertThat(dispatcher.dispatchDue()).isZero();

    Notification queued = only("R-2030-0002");
    assertThat(queued.getStatus()).isEqualTo(NotificationStatus.PENDING);
    assertThat(queued.getAttempts()).isEqualTo(1);
    assertThat(queued.getLastError()).isNotBlank();
    assertThat(queued.getNextAttemptAt()).isEqualTo(now.plus(Duration.ofMinutes(1)));
    assertThat(dispatcher.dispatchDue()).as("not again before its pause is over").isZero();

    smtp.start();
    advance(Duration.ofSeconds(61));
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);
    assertThat(dispatcher.dispatchDue()).isZero();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(only("R-2030-0002").getStatus()).isEqualTo(NotificationStatus.SENT);
    assertThat(only("R-2030-0002").getAttempts()).isEqualTo(2);
  }

  @Test
  void afterTheLastAttemptTheMailIsFailedForAnAdministratorWhoCanSendItAgain() throws Exception {
    smtp.stop();
    tx.executeWithoutResult(s -> escalation.taskArrived(task("mail-3", "决定 Decide", "hrss", "R-2030-0003")));
    for (int attempt = 1; attempt <= 12; attempt++) {
      dispatcher.dispatchDue();
      advance(Duration.ofHours(1));
    }
    Notification failed = only("R-2030-0003");
    assertThat(failed.getStatus()).isEqualTo(NotificationStatus.FAILED);
    assertThat(failed.getAttempts()).isEqualTo(12);
    assertThat(outbox.findByStatusOrderByCreatedAtDesc(NotificationStatus.FAILED,
        org.springframework.data.domain.PageRequest.of(0, 10))).extracting(Notification::getCaseRef).contains("R-2030-0003");

    smtp.start();
    dispatcher.retry(failed.getId());
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aTaskOfferedToTheDepartmentsLeadersMailsItsLeadersNotItsReviewers() throws Exception {
    TaskRef signOff = new TaskRef("mail-7", "领导签批", "pi-mail-7", "R-2030-0007", "tax", null,
        Date.from(Instant.parse("2030-03-06T15:59:59Z")), "credit-repair", "LeaderSignOff", "tax-leaders");
    tx.executeWithoutResult(s -> escalation.taskArrived(signOff));
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);
    assertThat(smtp.getReceivedMessages()[0].getAllRecipients()).extracting(Object::toString)
        .containsExactly("leader.tax@example.com");
  }

  /** The city leaders' mail says how late the task is now: a timer that fires late (a moved case) says so. */
  @Test
  void theEscalationMailSaysHowManyWorkingDaysTheTaskIsLate() throws Exception {
    // due Wednesday 6 March 2030; the timer's own moment is Saturday 9 March, two working days after
    now = Instant.parse("2030-03-09T02:00:00Z");
    EngineTime.set(now);
    tx.executeWithoutResult(s -> escalation.escalateToCity(task("mail-8", "受理 Accept", "tax", "R-2030-0008")));
    // the same task's escalation read on Thursday 21 March: 7-8, 11-15, 18-21 March are 11 working days
    now = Instant.parse("2030-03-21T02:00:00Z");
    EngineTime.set(now);
    tx.executeWithoutResult(s -> escalation.escalateToCity(task("mail-9", "受理 Accept", "tax", "R-2030-0009")));
    assertThat(dispatcher.dispatchDue()).isEqualTo(2);
    assertThat(only("R-2030-0008").getBody()).contains("已超期 <strong>2</strong> 个工作日")
        .contains("<strong>2</strong> working days overdue");
    assertThat(only("R-2030-0009").getBody()).contains("已超期 <strong>11</strong> 个工作日")
        .contains("<strong>11</strong> working days overdue").doesNotContain(">2<");
  }

  @Test
  void theSameEventNeverMailsTheSamePersonTwice() {
    TaskRef task = task("mail-4", "受理 Accept", "market", "R-2030-0004");
    tx.executeWithoutResult(s -> escalation.taskArrived(task));
    tx.executeWithoutResult(s -> escalation.taskArrived(task));
    assertThat(outbox.findByCaseRefOrderByCreatedAt("R-2030-0004")).hasSize(1);
    dispatcher.dispatchDue();
    dispatcher.dispatchDue();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void theApplicantIsToldOfEachChangeOnceInBothLanguages() throws Exception {
    AppUser applicant = users.findById("applicant.a").orElseThrow();
    tx.executeWithoutResult(s -> {
      applicantNotifier.tell(applicant, "R-2030-0005", ApplicantUpdate.RECEIVED, null, null);
      applicantNotifier.tell(applicant, "R-2030-0005", ApplicantUpdate.SUPPLEMENT_NEEDED, null,
          Text.both("请补充：纳税证明、整改报告。", "Please add: tax certificate, rectification report."));
      applicantNotifier.tell(applicant, "R-2030-0005", ApplicantUpdate.SUPPLEMENT_NEEDED, null, Text.both("again", "again"));
    });
    assertThat(dispatcher.dispatchDue()).isEqualTo(2);
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).extracting(MimeMessage::getSubject)
        .containsExactly("【办理进度】申请已收到 R-2030-0005", "【办理进度】需补正材料 R-2030-0005");
    assertThat(received[1].getAllRecipients()[0].toString()).isEqualTo("applicant.a@example.com");
    assertThat((String) received[1].getContent()).contains("请补充：纳税证明、整改报告。").contains("more material needed")
        .contains("Please add: tax certificate, rectification report.").doesNotContain("again");
  }

  private Notification only(String caseRef) {
    List<Notification> mails = outbox.findByCaseRefOrderByCreatedAt(caseRef);
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }

  private void advance(Duration by) {
    now = now.plus(by);
    EngineTime.set(now);
  }

  private TaskRef task(String id, String name, String department, String caseRef) {
    return new TaskRef(id, name, "pi-" + id, caseRef, department, null,
        Date.from(Instant.parse("2030-03-06T15:59:59Z")));
  }
}
