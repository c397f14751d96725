package cn.credit.workflow;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** Runs the engine's due jobs in a test, as the job executor would, with the clock where the test put it. */
public final class DueJobs {

  private DueJobs() {}

  /** Executes every job whose time has come, round after round until none is left; returns how many ran. */
  public static int run(ManagementService management) {
    int ran = 0;
    List<Job> due;
    while (!(due = management.createJobQuery().executable().list()).isEmpty() && ran < 500) {
      for (Job job : due) {
        // an earlier job of this round may have ended this one's scope (a watch stopped with its task)
        if (management.createJobQuery().jobId(job.getId()).count() > 0) {
          management.executeJob(job.getId());
          ran++;
        }
      }
    }
    return ran;
  }
}
