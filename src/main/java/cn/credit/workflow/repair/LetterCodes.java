package cn.credit.workflow.repair;

import java.security.SecureRandom;

/** Verification codes printed on letters: 12 characters without look-alikes, in groups of four. */
public final class LetterCodes {

  private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final SecureRandom RANDOM = new SecureRandom();

  private LetterCodes() {}

  public static String next() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      if (i > 0 && i % 4 == 0) {
        code.append('-');
      }
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }
}
