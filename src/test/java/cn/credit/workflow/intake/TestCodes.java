package cn.credit.workflow.intake;

import cn.credit.workflow.entity.Uscc;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh valid unified social credit codes for tests: a company's prefix, seven random digits, the check character. */
final class TestCodes {

  private TestCodes() {}

  static String fresh() {
    String first17 = "91370100MA" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    return first17 + Uscc.checkCharacter(first17);
  }
}
