package cn.credit.workflow.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UsccTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "91330100716105852F", // published codes of well-known companies: the check rule must accept them
      "91440300708461136T",
      "91110000100010433L",
      "91310000MA1FL1MMXL",
      "91370100MA3C4K5N0R", // demo entities
      "92370102MA3N7GYB2P"})
  void acceptsValidCodes(String code) {
    assertThat(Uscc.problems(code)).isEmpty();
    assertThat(Uscc.isValid(code)).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
      "91330100716105852E, uscc.checkDigit",
      "91370100MA3C4K5N00, uscc.checkDigit",
      "9137010, uscc.length",
      "91370100MA3C4K5N0RX, uscc.length",
      "91370100ma3c4k5n0r, uscc.lowercase",
      "91370100MA3C4K5NOR, uscc.characters"})
  void reportsWhatIsWrong(String code, String problem) {
    assertThat(Uscc.problems(code)).contains(problem);
    assertThat(Uscc.isValid(code)).isFalse();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void emptyIsRefusedWithItsOwnMessage(String code) {
    assertThat(Uscc.problems(code)).containsExactly("uscc.empty");
  }

  @Test
  void lowercaseIsWrongAsTypedButNormalizesToTheValidCode() {
    assertThat(Uscc.isValid("91370100ma3c4k5n0r")).isFalse();
    assertThat(Uscc.normalize("  91370100ma3c4k5n0r ")).isEqualTo("91370100MA3C4K5N0R");
    assertThat(Uscc.isValid(Uscc.normalize("91370100ma3c4k5n0r"))).isTrue();
  }

  @Test
  void checkCharacterWrapsThirtyOneToZero() {
    // a body whose weighted sum is a multiple of 31 gets check character 0
    String body = "00000000000000000";
    assertThat(Uscc.checkCharacter(body)).isEqualTo('0');
  }

  @Test
  void aMarketEntityCannotBeCreatedWithAnInvalidCode() {
    assertThatThrownBy(() -> new MarketEntity("91370100MA3C4K5N01", "x", EntityKind.ENTERPRISE, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uscc.checkDigit");
  }
}
