package cn.credit.workflow.system;

import java.time.Clock;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page shows times in the credit office's zone ({@code credit.zone}), as {@code ${zone}}. */
@ControllerAdvice
class PageZone {

  private final Clock clock;

  PageZone(Clock clock) {
    this.clock = clock;
  }

  @ModelAttribute("zone")
  String zone() {
    return clock.getZone().getId();
  }
}
