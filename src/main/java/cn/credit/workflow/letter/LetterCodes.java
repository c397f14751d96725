package cn.credit.workflow.letter;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Verification codes printed on letters: 12 characters in three groups, without the easily confused
 * 0/O, 1/I/L, so that a code read off paper can be typed back.
 */
public final class LetterCodes {

  private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  private static final SecureRandom RANDOM = new SecureRandom();

  private LetterCodes() {}

  public static String next() {
    StringBuilder code = new StringBuilder(14);
    for (int i = 0; i < 12; i++) {
      if (i > 0 && i % 4 == 0) {
        code.append('-');
      }
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** What a person typed, in the printed form: upper case, groups of four joined by hyphens. */
  public static String normalize(String typed) {
    if (typed == null) {
      return "";
    }
    String plain = typed.toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", "");
    if (plain.length() != 12) {
      return plain;
    }
    return plain.substring(0, 4) + "-" + plain.substring(4, 8) + "-" + plain.substring(8);
  }
}
