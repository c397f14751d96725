package cn.credit.workflow.entity;

/** How a natural person's name shows on public pages: the first character, then one star per character. */
public final class Masking {

  private Masking() {}

  public static String name(String name) {
    if (name == null || name.isBlank()) {
      return name;
    }
    String trimmed = name.strip();
    int first = trimmed.offsetByCodePoints(0, 1);
    return trimmed.substring(0, first) + "*".repeat(Math.max(1, trimmed.codePointCount(first, trimmed.length())));
  }
}
