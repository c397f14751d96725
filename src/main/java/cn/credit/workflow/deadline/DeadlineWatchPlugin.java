package cn.credit.workflow.deadline;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every model the deadline watch, so that no model has to remember it:
 * built-in listeners on create, complete and delete.
 */
@Component
class DeadlineWatchPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<DeadlineWatch> watch;

  DeadlineWatchPlugin(ObjectProvider<DeadlineWatch> watch) {
    this.watch = watch;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        TaskListener created = delegateTask -> {
          if (!DeadlineWatch.isWatchItself(delegateTask)) {
            watch.getObject().taskCreated(delegateTask);
          }
        };
        TaskListener ended = delegateTask -> watch.getObject().taskEnded(delegateTask);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, created);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, ended);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, ended);
      }
    });
  }
}
