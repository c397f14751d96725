package cn.credit.workflow.revocation;

import cn.credit.workflow.casefile.CaseEvents;
import cn.credit.workflow.casefile.CaseRecord;
import cn.credit.workflow.casefile.Cases;
import cn.credit.workflow.notification.ApplicantNotifier;
import cn.credit.workflow.notification.ApplicantUpdate;
import cn.credit.workflow.process.CaseProcesses;
import cn.credit.workflow.record.RecordAmended;
import cn.credit.workflow.record.RecordCorrections;
import cn.credit.workflow.record.RecordRevoked;
import cn.credit.workflow.text.Text;
import java.time.Clock;
import java.util.Objects;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a withdrawal or an amendment after a revoking or changing decision does to the other cases
 * open on the record, in the same transaction: on a withdrawn record a dispute, a shielding request
 * or another report ends (a repair request ends by its own listener); on an amended one every open
 * case stays and adapts (its dates follow the record), its applicant told what changed.
 */
@Component
class RevocationOnRecordChanged {

  private final Cases cases;
  private final CaseProcesses processes;
  private final CaseEvents caseEvents;
  private final ApplicantNotifier applicant;
  private final Clock clock;

  RevocationOnRecordChanged(Cases cases, CaseProcesses processes,
      CaseEvents caseEvents, ApplicantNotifier applicant, Clock clock) {
    this.cases = cases;
    this.processes = processes;
    this.caseEvents = caseEvents;
    this.applicant = applicant;
    this.clock = clock;
  }

  @EventListener
  void recordRevoked(RecordRevoked event) {
    for (CaseRecord kase : cases.openAbout(event.recordId())) {
      if (Objects.equals(kase.getCaseRef(), event.caseRef())
          || !kase.endedWithTheRecord(event.revokingDocument(), clock.instant())) {
        continue; // the case that asked for the withdrawal ends by its own model; a repair request by its own listener
      }
      if (kase.getProcessInstanceId() != null) {
        processes.end(kase.getProcessInstanceId(), "record withdrawn, decision revoked by " + event.revokingDocument());
      }
      caseEvents.record(kase.getCaseRef(), event.actor(), "RECORD_WITHDRAWN",
          Text.of("timeline.recordRevoked", event.revokingDocument()));
      applicant.tell(kase, ApplicantUpdate.CLOSED, Text.of("update.recordRevoked", event.revokingDocument()));
    }
  }

  @EventListener
  void recordAmended(RecordAmended event) {
    for (CaseRecord kase : cases.openAbout(event.recordId())) {
      if (Objects.equals(kase.getCaseRef(), event.caseRef()) || !kase.getState().isOpen()) {
        continue;
      }
      caseEvents.record(kase.getCaseRef(), event.actor(), "RECORD_AMENDED",
          Text.of("timeline.recordAmended", event.document()));
      applicant.tell(kase, ApplicantUpdate.RECORD_AMENDED, String.valueOf(event.revisionId()),
          Text.of("update.recordAmended", event.document(), RecordCorrections.of(event.changes())));
    }
  }
}
