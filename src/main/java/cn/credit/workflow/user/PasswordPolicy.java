package cn.credit.workflow.user;

import cn.credit.workflow.system.FieldProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password must be: long enough ({@code credit.security.password.min-length}), not the
 * user name nor containing it, not one of the passwords everybody tries first.
 */
@Component
public class PasswordPolicy {

  static final int MAX_LENGTH = 128;
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

  private final int minLength;
  private final Set<String> common;
  private final SecureRandom random = new SecureRandom();

  PasswordPolicy(@Value("${credit.security.password.min-length}") int minLength) {
    this.minLength = minLength;
    try (InputStream in = new ClassPathResource("security/common-passwords.txt").getInputStream()) {
      this.common = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(p -> p.toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every problem of {@code password} for {@code username}, each about {@code field}. */
  public List<FieldProblem> problems(String field, String password, String username) {
    List<FieldProblem> errors = new ArrayList<>();
    if (password == null || password.length() < minLength || password.length() > MAX_LENGTH) {
      errors.add(FieldProblem.of(field, "password.length", minLength, MAX_LENGTH));
      return errors;
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (username != null && !username.isBlank() && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
      errors.add(FieldProblem.of(field, "password.containsUsername"));
    }
    if (common.contains(lower) || lower.chars().distinct().count() <= 2) {
      errors.add(FieldProblem.of(field, "password.common"));
    }
    return errors;
  }

  public int minLength() {
    return minLength;
  }

  /** A password for someone to use once (a reset, the first administrator): random, meets the policy. */
  public String generate() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < Math.max(16, minLength); i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
