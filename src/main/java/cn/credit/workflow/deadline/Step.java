package cn.credit.workflow.deadline;

import java.util.Arrays;

/** A step with a legal time limit; its key is what profiles and BPMN expressions use. */
public enum Step {
  ROUTE("route"),
  ACCEPT("accept"),
  SUPPLEMENT("supplement"),
  DECIDE("decide"),
  EXTENSION("extension"),
  LEADER_SIGN_OFF("leader-sign-off"),
  WHOLE_REQUEST("whole-request"),
  COMMITMENT_SIGNATURE("commitment-signature"),
  SYNC("sync"),
  DISPUTE_FORWARD("dispute-forward"),
  DISPUTE_VERIFY("dispute-verify"),
  DISPUTE_VERIFY_ASSISTED("dispute-verify-assisted"),
  SHIELDING_DECIDE("shielding-decide"),
  /** a department withdraws or amends its record after the decision was revoked or changed: 条例 art. 40 */
  REVOCATION_REPORT("revocation-report"),
  /** a department registers (publishes) its decision: seed 003 §二, 双公示 */
  PUBLISH("publish");

  private final String key;

  Step(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Step ofKey(String key) {
    return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst().orElseThrow(
        () -> new IllegalArgumentException("no step '" + key + "'; steps are " + Arrays.stream(values()).map(Step::key).toList()));
  }
}
