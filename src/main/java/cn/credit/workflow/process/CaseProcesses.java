package cn.credit.workflow.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A case's run through its model, as the kinds of case ask for it: start, wait at a step, complete
 * the step, tell the case something happened, end it; and the decision tables the models share.
 * Instance and task ids stay opaque strings to the callers.
 */
@Component
public class CaseProcesses {

  private static final Logger log = LoggerFactory.getLogger(CaseProcesses.class);

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final DecisionService decisions;
  private final CaseTasks steps;
  private final RepositoryService repository;

  CaseProcesses(RuntimeService runtime, TaskService tasks, DecisionService decisions, CaseTasks steps,
      RepositoryService repository) {
    this.repository = repository;
    this.runtime = runtime;
    this.tasks = tasks;
    this.decisions = decisions;
    this.steps = steps;
  }

  /** Starts the case's model with the case's reference as business key; returns the run's id. */
  public String start(String processKey, String caseRef, Map<String, Object> variables) {
    return runtime.startProcessInstanceByKey(processKey, caseRef, variables).getId();
  }

  /**
   * Starts the case's model again at one of its steps, for a case whose refusal was revoked after a
   * dispute (令 36 art. 18): the step the refusal ended is done anew, and the model goes on from there.
   */
  public String startAt(String processKey, String caseRef, String stepKey, Map<String, Object> variables) {
    return runtime.createProcessInstanceByKey(processKey).businessKey(caseRef).setVariables(variables)
        .startBeforeActivity(stepKey).execute().getId();
  }

  /** The case's open step of this key (also in a called model such as signing), if it waits there now. */
  public Optional<String> openStep(String caseRef, String stepKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(caseRef).taskDefinitionKey(stepKey).list().stream()
        .findFirst().map(task -> task.getId());
  }

  /** Completes a step with its values; who completed it goes with them ({@link ModelNames#LAST_ACTOR}). */
  public void complete(String stepId, Map<String, Object> values, String actor) {
    steps.complete(stepId, values, actor, false);
  }

  /** Tells the case a message arrived (the applicant withdraws, say). */
  public void message(String caseRef, String message, String actor) {
    runtime.createMessageCorrelation(message).processInstanceBusinessKey(caseRef)
        .setVariable(ModelNames.LAST_ACTOR, actor).correlateWithResult();
  }

  /**
   * Ends a case's run where it stands (its record was withdrawn, a commitment was broken); the
   * history keeps it with the reason. Listeners of the model run; nothing more is started.
   */
  public void end(String runId, String reason) {
    runtime.deleteProcessInstanceIfExists(runId, reason, false, true, true, false);
  }

  /**
   * Cancels a run that only accompanies another (an old deadline watch), if it still runs: its own
   * listeners are skipped, it ends as terminated from outside.
   */
  public void cancel(String runId, String reason) {
    if (runtime.createProcessInstanceQuery().processInstanceId(runId).count() > 0) {
      runtime.deleteProcessInstance(runId, reason, true, true);
    }
  }

  /** The ids of the running instances of a model, every version. */
  public List<String> runsOf(String processKey) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(processKey).list().stream()
        .map(ProcessInstance::getId).toList();
  }

  /** Where a run waits now; empty when it has ended. */
  public List<String> activeSteps(String runId) {
    return runtime.createProcessInstanceQuery().processInstanceId(runId).count() == 0 ? List.of()
        : runtime.getActiveActivityIds(runId);
  }

  /**
   * Moves every running instance of an older version of the model to the latest version with the
   * engine's migration API, mapping the activities the two versions share (boundary events the new
   * version adds get their jobs created). One instance per transaction: one that cannot move, or
   * that another node is moving at the same moment, stays where it is and is logged. Returns the
   * ids of the instances moved.
   */
  public List<String> migrateToLatest(String processKey) {
    ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().singleResult();
    List<String> moved = new ArrayList<>();
    if (latest == null) {
      return moved;
    }
    for (ProcessDefinition older : repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .list()) {
      if (older.getId().equals(latest.getId())) {
        continue;
      }
      List<String> runs = runtime.createProcessInstanceQuery().processDefinitionId(older.getId()).list().stream()
          .map(ProcessInstance::getId).toList();
      if (runs.isEmpty()) {
        continue;
      }
      MigrationPlan plan;
      try {
        plan = runtime.createMigrationPlan(older.getId(), latest.getId()).mapEqualActivities().build();
      } catch (ProcessEngineException e) {
        log.warn("Cases on {} cannot move to {}: {}", older.getId(), latest.getId(), e.getMessage());
        continue;
      }
      for (String run : runs) {
        try {
          runtime.newMigration(plan).processInstanceIds(run).execute();
          moved.add(run);
        } catch (ProcessEngineException e) {
          log.warn("Case run {} stays on {}: {}", run, older.getId(), e.getMessage());
        }
      }
    }
    return moved;
  }

  /** The single rule a deployed decision table gives for these inputs, as output name → value. */
  public Map<String, Object> decide(String decisionKey, Map<String, Object> inputs) {
    return decisions.evaluateDecisionByKey(decisionKey).variables(inputs).evaluate().getSingleResult().getEntryMap();
  }
}
