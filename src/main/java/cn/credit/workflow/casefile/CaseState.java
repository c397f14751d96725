package cn.credit.workflow.casefile;

/** Where a case stands; each kind names its own states in an enum that implements this. */
public interface CaseState {

  String name();

  /** Still being worked: not decided, refused, withdrawn or lapsed. */
  boolean isOpen();
}
