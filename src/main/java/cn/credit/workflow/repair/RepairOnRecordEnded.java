package cn.credit.workflow.repair;

import cn.credit.workflow.casefile.CaseEvents;
import cn.credit.workflow.notification.ApplicantNotifier;
import cn.credit.workflow.notification.ApplicantUpdate;
import cn.credit.workflow.process.CaseProcesses;
import cn.credit.workflow.record.RecordAmended;
import cn.credit.workflow.record.RecordExpired;
import cn.credit.workflow.record.RecordRevoked;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordWithdrawn;
import cn.credit.workflow.text.Text;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A record that stops being published without a repair leaves nothing to repair: cancelled after a
 * dispute, or at the end of its maximum period. An open request about it ends cleanly, in the same
 * transaction, and the applicant is told why.
 */
@Component
class RepairOnRecordEnded {

  private final RepairRequestRepository requests;
  private final CaseProcesses processes;
  private final CaseEvents caseEvents;
  private final ApplicantNotifier applicant;
  private final Clock clock;

  RepairOnRecordEnded(RepairRequestRepository requests, CaseProcesses processes, CaseEvents caseEvents,
      ApplicantNotifier applicant, Clock clock) {
    this.requests = requests;
    this.processes = processes;
    this.caseEvents = caseEvents;
    this.applicant = applicant;
    this.clock = clock;
  }

  @EventListener
  void recordWithdrawn(RecordWithdrawn event) {
    // the dispute's reference is kept as the reasons: the pages word it (RepairRequest.decisionReasonsText)
    endOpenRequests(event.recordId(), RepairState.RECORD_WITHDRAWN, event.caseRef(), event.actor(),
        "record cancelled after dispute " + event.caseRef(), Text.of("timeline.recordWithdrawn", event.caseRef()),
        Text.of("update.repair.recordWithdrawn", event.caseRef()));
  }

  /** The department withdrew the record because its decision was revoked (令 36 art. 19). */
  @EventListener
  void recordRevoked(RecordRevoked event) {
    endOpenRequests(event.recordId(), RepairState.RECORD_WITHDRAWN, event.revokingDocument(), event.actor(),
        "record withdrawn, decision revoked by " + event.revokingDocument(),
        Text.of("timeline.recordRevoked", event.revokingDocument()),
        Text.of("update.repair.recordRevoked", event.revokingDocument()));
  }

  /** Amended to a minor record not published (令 36 arts. 12, 19): nothing left on the public pages to repair. */
  @EventListener
  void recordAmended(RecordAmended event) {
    if (event.leftPublicList()) {
      endOpenRequests(event.recordId(), RepairState.RECORD_NOT_PUBLISHED, event.document(), event.actor(),
          "record amended to a minor one, not published, by " + event.document(),
          Text.of("timeline.recordNotPublished", event.document()),
          Text.of("update.repair.recordNotPublished", event.document()));
    }
  }

  @EventListener
  void recordExpired(RecordExpired event) {
    endOpenRequests(event.recordId(), RepairState.RECORD_EXPIRED, null, RecordService.SYSTEM_ACTOR,
        "record's publication period ended", Text.of("timeline.recordExpired"), Text.of("update.repair.recordExpired"));
  }

  private void endOpenRequests(Long recordId, RepairState ended, String reasons, String actor, String engineReason,
      Text timeline, Text update) {
    for (RepairRequest request : requests.findByRecordIdOrderByReceivedAt(recordId)) {
      if (!request.getState().isOpen()) {
        continue;
      }
      if (request.getProcessInstanceId() != null) {
        processes.end(request.getProcessInstanceId(), engineReason);
      }
      request.decided(ended, reasons, null, clock.instant());
      caseEvents.record(request.getCaseRef(), actor, ended.name(), timeline);
      applicant.tell(request, ApplicantUpdate.CLOSED, update);
    }
  }
}
