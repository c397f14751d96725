package cn.credit.workflow.system;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class WelcomeController {

  @GetMapping("/")
  String welcome() {
    return "welcome";
  }

  /** Where a person lands after signing in: the page of their work. */
  @GetMapping("/home")
  String home(Authentication who) {
    Set<String> roles = AuthorityUtils
        .authorityListToSet(who.getAuthorities());
    if (roles.contains("ROLE_APPLICANT")) {
      return "redirect:/portal";
    }
    if (roles.contains("ROLE_REVIEWER") || roles.contains("ROLE_LEADER")) {
      return "redirect:/tasks";
    }
    if (roles.contains("ROLE_CITY_LEADER")) {
      return "redirect:/oversight";
    }
    return roles.contains("ROLE_ADMIN") ? "redirect:/admin" : "redirect:/";
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }
}
