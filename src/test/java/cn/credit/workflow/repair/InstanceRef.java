package cn.credit.workflow.repair;

import org.camunda.bpm.engine.runtime.ProcessInstance;

/** A process instance known by its id only, so that camunda-bpm-assert can check ended instances too. */
record InstanceRef(String id, String businessKey, String definitionId) implements ProcessInstance {

  @Override
  public String getId() {
    return id;
  }

  @Override
  public String getProcessInstanceId() {
    return id;
  }

  @Override
  public String getBusinessKey() {
    return businessKey;
  }

  @Override
  public String getProcessDefinitionId() {
    return definitionId;
  }

  @Override
  public String getProcessDefinitionKey() {
    return definitionId == null ? null : definitionId.split(":")[0];
  }

  @Override
  public String getRootProcessInstanceId() {
    return id;
  }

  @Override
  public String getCaseInstanceId() {
    return null;
  }

  @Override
  public boolean isSuspended() {
    return false;
  }

  @Override
  public boolean isEnded() {
    return true;
  }

  @Override
  public String getTenantId() {
    return null;
  }
}
