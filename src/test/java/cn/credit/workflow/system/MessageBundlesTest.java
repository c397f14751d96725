package cn.credit.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Both languages say everything: the Chinese and English bundles hold the same keys. */
class MessageBundlesTest {

  @Test
  void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
    Properties zh = load("messages/messages.properties");
    Properties en = load("messages/messages_en.properties");
    assertThat(zh).isNotEmpty();
    assertThat(en.keySet()).as("keys in English but not in Chinese, and the reverse")
        .containsExactlyInAnyOrderElementsOf(zh.keySet());
    zh.forEach((key, value) -> assertThat((String) value).as("Chinese text of " + key).isNotBlank());
    en.forEach((key, value) -> assertThat((String) value).as("English text of " + key).isNotBlank());
  }

  private static Properties load(String path) throws IOException {
    Properties properties = new Properties();
    try (var reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}
