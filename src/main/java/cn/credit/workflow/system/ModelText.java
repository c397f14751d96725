package cn.credit.workflow.system;

/**
 * A text a model writes in both languages ("中文 / English", e.g. a decision table's refusal), as
 * an argument of a {@link Text}: it is shown in the reader's language. The model texts get keys
 * of their own with the model names change; until then this is where they are cut apart.
 */
public record ModelText(String bilingual) {

  @Override
  public String toString() {
    return bilingual;
  }
}
