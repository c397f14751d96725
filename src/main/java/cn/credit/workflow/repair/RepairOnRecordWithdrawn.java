package cn.credit.workflow.repair;

import cn.credit.workflow.casefile.CaseEvents;
import cn.credit.workflow.notification.ApplicantNotifier;
import cn.credit.workflow.notification.ApplicantUpdate;
import cn.credit.workflow.process.CaseProcesses;
import cn.credit.workflow.record.RecordWithdrawn;
import cn.credit.workflow.text.Text;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A record cancelled after a dispute leaves nothing to repair: an open request about it ends cleanly. */
@Component
class RepairOnRecordWithdrawn {

  private final RepairRequestRepository requests;
  private final CaseProcesses processes;
  private final CaseEvents caseEvents;
  private final ApplicantNotifier applicant;
  private final Clock clock;

  RepairOnRecordWithdrawn(RepairRequestRepository requests, CaseProcesses processes, CaseEvents caseEvents,
      ApplicantNotifier applicant, Clock clock) {
    this.requests = requests;
    this.processes = processes;
    this.caseEvents = caseEvents;
    this.applicant = applicant;
    this.clock = clock;
  }

  @EventListener
  void recordWithdrawn(RecordWithdrawn event) {
    for (RepairRequest request : requests.findByRecordIdOrderByReceivedAt(event.recordId())) {
      if (!request.getState().isOpen()) {
        continue;
      }
      if (request.getProcessInstanceId() != null) {
        processes.end(request.getProcessInstanceId(), "record cancelled after dispute " + event.caseRef());
      }
      // the dispute's reference: the pages word it (RepairRequest.decisionReasonsText)
      request.decided(RepairState.RECORD_WITHDRAWN, event.caseRef(), null, clock.instant());
      caseEvents.record(request.getCaseRef(), event.actor(), "RECORD_WITHDRAWN",
          Text.of("timeline.recordWithdrawn", event.caseRef()));
      applicant.tell(request, ApplicantUpdate.CLOSED, Text.of("update.repair.recordWithdrawn", event.caseRef()));
    }
  }
}
