package cn.credit.workflow.process;

/** Someone else claimed or changed the step at the same moment: the caller is told to reload. */
public class StepTakenException extends RuntimeException {

  StepTakenException(Throwable cause) {
    super(cause.getMessage(), cause);
  }
}
