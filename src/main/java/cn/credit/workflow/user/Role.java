package cn.credit.workflow.user;

/** What a person may do; each is a Spring Security role of the same name. */
public enum Role {
  /** 失信主体: acts for one market entity */
  APPLICANT,
  /** 经办人: works the task inbox of one department */
  REVIEWER,
  /** 分管领导: leader of one department */
  LEADER,
  /** 市领导: oversees every department */
  CITY_LEADER,
  ADMIN;

  public String authority() {
    return "ROLE_" + name();
  }
}
