package cn.credit.workflow.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Texts by key: no Java source words an applicant's update, a letter, a record's history reason, a
 * timeline line or a mail in Chinese. A plain scan of the sources (comments left out): string
 * literals with Chinese characters are looked for in the statements that write those texts, and
 * anywhere in the classes that only gather their facts. Refusals ("field: 中文 / English") are a
 * separate matter, not checked here.
 */
class NoWordingInJavaTest {

  private static final Path SOURCES = Path.of("src/main/java/cn/credit/workflow");
  private static final Pattern CHINESE = Pattern.compile("[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef]");
  /** The calls that write a text a person reads later. */
  private static final Pattern WRITES_TEXT = Pattern.compile(
      "\\.tell\\(|new Letter\\(|changeState\\(|caseEvents\\.record\\(|\\bText\\.(of|both)\\(|notifier\\.notify\\(");
  /** Classes that gather facts only: not one Chinese literal. */
  private static final List<String> FACTS_ONLY = List.of("repair/RepairSteps.java", "repair/RepairLetters.java",
      "repair/RepairOnRecordWithdrawn.java", "dispute/DisputeSteps.java", "dispute/DisputeLetters.java",
      "oversight/EscalationService.java", "oversight/EscalationTimeline.java", "casefile", "letter", "notification",
      "text");

  @Test
  void noStatementWritingAPersonsTextHasAChineseLiteral() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path file : javaFiles()) {
      for (String statement : statements(Files.readString(file, StandardCharsets.UTF_8))) {
        if (WRITES_TEXT.matcher(statement).find() && literals(statement).stream().anyMatch(l -> CHINESE.matcher(l).find())) {
          found.add(SOURCES.relativize(file) + ": " + statement.strip().replaceAll("\\s+", " "));
        }
      }
    }
    assertThat(found).as("texts worded in Java").isEmpty();
  }

  @Test
  void theClassesThatGatherFactsHaveNoChineseLiteral() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path file : javaFiles()) {
      String name = SOURCES.relativize(file).toString().replace('\\', '/');
      if (FACTS_ONLY.stream().anyMatch(p -> name.equals(p) || name.startsWith(p + "/"))) {
        literals(withoutComments(Files.readString(file, StandardCharsets.UTF_8))).stream()
            .filter(l -> CHINESE.matcher(l).find()).forEach(l -> found.add(name + ": \"" + l + "\""));
      }
    }
    assertThat(found).as("Chinese literals in classes that should hold facts only").isEmpty();
  }

  /** The scan itself: it sees a literal in a statement and does not see one in a comment. */
  @Test
  void theScanSeesLiteralsAndSkipsComments() {
    String source = "// tell(\"中文\");\n/* \"注释\" */ a.tell(x, \"申请已受理\" + y); b(\"x;y\");";
    List<String> statements = statements(source);
    assertThat(statements).hasSize(2);
    assertThat(literals(statements.get(0))).containsExactly("申请已受理");
    assertThat(literals(statements.get(1))).containsExactly("x;y");
  }

  private static List<Path> javaFiles() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      List<Path> java = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
      assertThat(java).as("the sources scanned").hasSizeGreaterThan(100)
          .anyMatch(f -> f.endsWith("repair/RepairSteps.java"));
      return java;
    }
  }

  /** The source split at the semicolons, braces and comments outside string literals, comments dropped. */
  static List<String> statements(String source) {
    String code = withoutComments(source);
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '"' || c == '\'') {
        int end = endOfLiteral(code, i);
        current.append(code, i, end);
        i = end - 1;
      } else if (c == ';' || c == '{' || c == '}') {
        if (!current.toString().isBlank()) {
          statements.add(current.toString());
        }
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString());
    }
    return statements;
  }

  static String withoutComments(String source) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        int end = source.indexOf('\n', i);
        i = (end < 0 ? source.length() : end) - 1;
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        i = (end < 0 ? source.length() : end + 2) - 1;
        out.append(' ');
      } else if (c == '"' || c == '\'') {
        int end = endOfLiteral(source, i);
        out.append(source, i, end);
        i = end - 1;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The string literals of a piece of code without comments ("..." and """...""" blocks). */
  static List<String> literals(String code) {
    List<String> literals = new ArrayList<>();
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '"' || c == '\'') {
        int end = endOfLiteral(code, i);
        if (c == '"') {
          literals.add(code.startsWith("\"\"\"", i) ? code.substring(i + 3, end - 3) : code.substring(i + 1, end - 1));
        }
        i = end - 1;
      }
    }
    return literals;
  }

  /** The index just after the literal starting at {@code start}. */
  private static int endOfLiteral(String code, int start) {
    if (code.startsWith("\"\"\"", start)) {
      int end = code.indexOf("\"\"\"", start + 3);
      return end < 0 ? code.length() : end + 3;
    }
    char quote = code.charAt(start);
    int i = start + 1;
    while (i < code.length() && code.charAt(i) != quote) {
      i += code.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(i + 1, code.length());
  }
}
