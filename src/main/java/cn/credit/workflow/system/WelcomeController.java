package cn.credit.workflow.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class WelcomeController {

  @GetMapping("/")
  String welcome() {
    return "welcome";
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }
}
