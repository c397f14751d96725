package cn.credit.workflow.process;

/**
 * The names the code shares with the models in processes/: process keys and user task ids, one
 * class per model. {@code ModelNamesTest} fails when a model and these disagree in either
 * direction (a constant the model lacks, a user task without its constant).
 */
public final class ModelNames {

  private ModelNames() {}

  /** Who completed the step: set on every completion, read by the models' listeners and letters. */
  public static final String LAST_ACTOR = "lastActor";

  /**
   * The bean of 退回 (ADR 0008), as the models name it: a flow named 退回 from an outcome gateway
   * back to an earlier user task calls {@code ${stepReturns.returned(execution, '<from>', '<to>',
   * '<reason variable>')}} when taken, and that task's assignee is {@code ${stepReturns.returnedTo(execution)}}.
   * {@code ModelNamesTest} checks every such flow against the models.
   */
  public static final String RETURNS_BEAN = "stepReturns";

  /** credit-repair.bpmn, 信用修复 */
  public static final class Repair {
    private Repair() {}

    public static final String PROCESS = "creditRepair";
    public static final String ACCEPT = "AcceptRequest";
    public static final String PROVIDE_SUPPLEMENT = "ProvideSupplement";
    public static final String VERIFY_AND_DECIDE = "VerifyAndDecide";
    public static final String APPROVE_EXTENSION = "ApproveExtension";
    public static final String LEADER_SIGN_OFF = "LeaderSignOff";
    public static final String CONFIRM_LIFTING = "ConfirmLifting";
  }

  /** credit-dispute.bpmn, 信用信息异议 */
  public static final class Dispute {
    private Dispute() {}

    public static final String PROCESS = "creditDispute";
    public static final String TRIAGE = "TriageDispute";
    public static final String VERIFY = "VerifyDispute";
    public static final String VERIFY_ASSISTED = "VerifyAssisted";
    public static final String ASSIST = "AssistVerification";
  }

  /** bankruptcy-shielding.bpmn, 破产重整、和解信息临时屏蔽 */
  public static final class Shielding {
    private Shielding() {}

    public static final String PROCESS = "bankruptcyShielding";
    public static final String DECIDE = "DecideShielding";
    public static final String REGISTER_COURT_END = "RegisterCourtEnd";
  }

  /** record-revocation.bpmn, 失信信息撤销、变更报告 (令 36 art. 19) */
  public static final class Revocation {
    private Revocation() {}

    public static final String PROCESS = "recordRevocation";
    public static final String REGISTER = "RegisterRevocation";
  }

  /** commitment-signing.bpmn, 签署信用承诺书: called by every kind of case that asks for a commitment */
  public static final class Signing {
    private Signing() {}

    public static final String PROCESS = "commitmentSigning";
    public static final String SIGN = "SignCommitmentTask";
  }

  /*
   * The deadline timers every department task carries (ADR 0003): non-interrupting boundary timer
   * events whose ids are the task's with these endings, e.g. AcceptRequest_Reminder; each leads to
   * its action (…_ReminderAction) and an end event (…_ReminderDone).
   */
  public static final String REMINDER_TIMER = "_Reminder";
  public static final String OVERDUE_TIMER = "_Overdue";
  public static final String CITY_TIMER = "_City";
}
