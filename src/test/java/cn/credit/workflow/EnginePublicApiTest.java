package cn.credit.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The application reaches the engine through its public API only; the internal packages are used
 * where the engine offers no public way, each place listed with its reason in
 * docs/adr/0002-engine-public-api.md. A new use belongs there first.
 */
class EnginePublicApiTest {

  private static final Pattern INTERNAL = Pattern.compile("org\\.camunda\\.bpm\\.engine\\.impl\\.[\\w.]+");

  @Test
  void mainCodeUsesTheEnginesInternalsOnlyWhereTheAdrSaysWhy() throws IOException {
    Map<String, String> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
        Matcher m = INTERNAL.matcher(read(p));
        while (m.find()) {
          uses.merge(Path.of("src/main/java").relativize(p).toString().replace('\\', '/'), m.group(), (a, b) -> a + " " + b);
        }
      });
    }
    assertThat(uses).containsExactly(
        Map.entry("cn/credit/workflow/system/EngineClock.java", "org.camunda.bpm.engine.impl.util.ClockUtil"));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
