package cn.credit.workflow.inbox;

import cn.credit.workflow.process.CaseTasks;
import cn.credit.workflow.process.ModelNames;
import cn.credit.workflow.process.StepNames;
import cn.credit.workflow.user.AppUser;
import cn.credit.workflow.user.Role;
import cn.credit.workflow.user.Users;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 退回: a step sends the case back to an earlier step, where its model draws a flow named 退回
 * (ADR 0008). The flow's take listener records who, when and why and picks who gets the step again:
 * whoever completed it last, if still enabled and still in the group it was offered to, else that
 * group. The re-opened step's assignee expression reads that choice; when it is created, its people
 * are mailed the reason. Both travel in transient variables, so they last only while the return runs.
 */
@Component(ModelNames.RETURNS_BEAN)
public class StepReturns {

  static final String RETURNED_TO = "returnedTo";
  static final String RETURN_ACTION = "returnAction";

  private final WorkItemRepository items;
  private final TaskActionRepository actions;
  private final TaskActions taskActions;
  private final TaskLists lists;
  private final Users users;
  private final StepNames stepNames;
  private final Clock clock;

  StepReturns(WorkItemRepository items, TaskActionRepository actions, TaskActions taskActions, TaskLists lists,
      Users users, StepNames stepNames, Clock clock) {
    this.items = items;
    this.actions = actions;
    this.taskActions = taskActions;
    this.lists = lists;
    this.users = users;
    this.stepNames = stepNames;
    this.clock = clock;
  }

  /**
   * Called by a 退回 flow's take listener: {@code fromStep} (just completed) returns the case to
   * {@code toStep}, for the reason its form gave in {@code reasonVariable}.
   */
  public void returned(DelegateExecution execution, String fromStep, String toStep, String reasonVariable) {
    String caseRef = execution.getProcessBusinessKey();
    List<WorkItem> of = items.findByCaseRefOrderByCreatedAt(caseRef);
    WorkItem from = last(of, fromStep, null)
        .orElseThrow(() -> new IllegalStateException("no step " + fromStep + " in case " + caseRef));
    // a case from before work items were kept may have no record of the earlier step: then its group has it
    Optional<WorkItem> earlier = last(of, toStep, WorkItem.State.COMPLETED);
    Optional<AppUser> person = earlier.flatMap(this::stillAble);
    Object actor = execution.getVariable(ModelNames.LAST_ACTOR);
    Object reason = execution.getVariable(reasonVariable);
    TaskAction action = actions.save(new TaskAction(from, actor == null ? "system" : actor.toString(),
        person.map(AppUser::getUsername).orElse(earlier.map(WorkItem::getCandidateGroup).orElse(null)),
        reason == null || reason.toString().isBlank() ? null : reason.toString().strip(), clock.instant(), toStep));
    person.ifPresent(p -> execution.setVariable(RETURNED_TO, Variables.stringValue(p.getUsername(), true)));
    execution.setVariable(RETURN_ACTION, Variables.longValue(action.getId(), true));
  }

  /** The assignee expression of a step a 退回 flow reaches: the person the return chose, else nobody (its group). */
  public String returnedTo(DelegateExecution execution) {
    Object person = execution.getVariable(RETURNED_TO);
    return person == null ? null : person.toString();
  }

  /** The re-opened step exists: whoever has it is mailed the reason, with its due date and a link to it. */
  @EventListener
  void on(DelegateTask task) {
    if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName())
        || !(task.getVariable(RETURN_ACTION) instanceof Long id)) {
      return;
    }
    actions.findById(id).ifPresent(action -> taskActions.mail(action, peopleOf(task), task.getTaskDefinitionKey(),
        task.getName(), task.getDueDate(), "/tasks/" + task.getId()));
  }

  /** A step returned to, as its workbench shows it: from which step, who, when, why. */
  public record Return(String fromStep, String actor, Instant at, String reason) {}

  /** The returns to this step of the case, oldest first. */
  @Transactional(readOnly = true)
  public List<Return> returnsTo(String caseRef, String processKey, String stepKey, Locale locale) {
    return actions.findByCaseRefAndToStepKeyOrderById(caseRef, stepKey).stream()
        .filter(a -> processKey == null || processKey.equals(a.getProcessKey()))
        .map(a -> new Return(stepNames.nameOf(a.getProcessKey(), a.getStepKey(), a.getStepName(), locale),
            a.getActor(), a.getOccurredAt(), a.getReason())).toList();
  }

  private static Optional<WorkItem> last(List<WorkItem> of, String stepKey, WorkItem.State state) {
    return of.stream().filter(i -> stepKey.equals(i.getStepKey()) && (state == null || state == i.getState()))
        .max(Comparator.comparing(WorkItem::getCreatedAt));
  }

  /** Whoever completed the earlier step, if they still may work it. */
  private Optional<AppUser> stillAble(WorkItem earlier) {
    return Optional.ofNullable(earlier.getCompletedBy()).flatMap(users::findById).filter(AppUser::isEnabled)
        .filter(u -> earlier.getCandidateGroup() == null || lists.groupsOf(u.getUsername()).contains(earlier.getCandidateGroup()));
  }

  /** The step's assignee, or the people of the group it is offered to (its department's leaders or reviewers). */
  private List<AppUser> peopleOf(DelegateTask task) {
    if (task.getAssignee() != null) {
      return users.findById(task.getAssignee()).map(List::of).orElse(List.of());
    }
    return task.getCandidates().stream().map(link -> link.getGroupId()).filter(g -> g != null).findFirst()
        .map(group -> users.findByDepartmentAndRole(CaseTasks.departmentOf(group),
            group.equals(CaseTasks.departmentOf(group)) ? Role.REVIEWER : Role.LEADER))
        .map(people -> people.stream().filter(AppUser::isEnabled).toList())
        .orElse(List.of());
  }
}
