package cn.credit.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Spring Boot reads .properties configuration as ISO-8859-1: Chinese in a value arrives garbled
 * (a mail's sender read "ä¿¡ç”¨…"). Such text belongs in the message bundles, which are read as UTF-8.
 */
class ConfigurationFilesTest {

  @Test
  void configurationValuesAreAsciiOnly() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("src/main/resources"))) {
      files = walk.filter(p -> p.toString().endsWith(".properties") && !p.startsWith(Path.of("src/main/resources/messages")))
          .toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (!line.startsWith("#") && !line.startsWith("!")) {
          assertThat(line).as(file + " line " + (i + 1) + " (comments may hold any text)").matches("\\p{ASCII}*");
        }
      }
    }
  }
}
