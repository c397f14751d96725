package cn.credit.workflow.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a 31-letter
 * alphabet (no I, O, S, V, Z), the last one a check character over the first 17.
 */
public final class Uscc {

  public static final int LENGTH = 18;
  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private Uscc() {}

  /** Every problem with the code as given, as message keys of the bundle; empty when valid. */
  public static List<String> problems(String code) {
    List<String> problems = new ArrayList<>();
    if (code == null || code.isBlank()) {
      problems.add("uscc.empty");
      return problems;
    }
    if (code.length() != LENGTH) {
      problems.add("uscc.length");
    }
    if (!code.equals(code.toUpperCase(Locale.ROOT))) {
      problems.add("uscc.lowercase");
    }
    String upper = code.toUpperCase(Locale.ROOT);
    boolean alphabetOk = upper.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    if (!alphabetOk) {
      problems.add("uscc.characters");
    }
    if (problems.isEmpty() && checkCharacter(code.substring(0, LENGTH - 1)) != code.charAt(LENGTH - 1)) {
      problems.add("uscc.checkDigit");
    }
    return problems;
  }

  public static boolean isValid(String code) {
    return problems(code).isEmpty();
  }

  /** What a person typed, trimmed and upper-cased: the form to validate and store. */
  public static String normalize(String input) {
    return input == null ? null : input.strip().toUpperCase(Locale.ROOT);
  }

  /** The check character (18th) for the first 17 characters. */
  public static char checkCharacter(String first17) {
    if (first17.length() != LENGTH - 1) {
      throw new IllegalArgumentException("need 17 characters, got " + first17.length());
    }
    int sum = 0;
    for (int i = 0; i < first17.length(); i++) {
      int value = ALPHABET.indexOf(first17.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException("character not allowed in a USCC: " + first17.charAt(i));
      }
      sum += value * WEIGHTS[i];
    }
    int check = (31 - sum % 31) % 31;
    return ALPHABET.charAt(check);
  }
}
