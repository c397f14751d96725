package cn.credit.workflow.inbox;

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

/** Every user task of every model keeps its work item: on create, on every change, on its end. */
@Component
class WorkItemPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<WorkItems> items;

  WorkItemPlugin(ObjectProvider<WorkItems> items) {
    this.items = items;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        TaskListener changed = delegateTask -> items.getObject().changed(delegateTask);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, changed);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, changed);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, changed);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, delegateTask -> items.getObject().completed(delegateTask));
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, delegateTask -> items.getObject().cancelled(delegateTask));
      }
    });
  }
}
