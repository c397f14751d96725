package cn.credit.workflow.department;

/** The credit office routes and oversees; deciding departments made the findings. */
public enum DepartmentKind {
  CREDIT_OFFICE,
  DECIDING
}
