package cn.credit.workflow.letter;

import java.util.Optional;

/** A kind of case that issues letters with verification codes (repair decisions, dispute replies). */
public interface LetterSource {

  Optional<Letter> byCode(String code);
}
