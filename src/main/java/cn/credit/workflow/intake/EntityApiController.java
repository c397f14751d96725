package cn.credit.workflow.intake;

import cn.credit.workflow.entity.MarketEntity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Market entities over the API, for the credit office and administrators. The service checks the
 * whole body, field and cross-field rules together, so that one answer names every problem.
 */
@RestController
@RequestMapping("/api/entities")
@Tag(name = "entities", description = "市场主体登记 Market entities, kept by the credit office")
class EntityApiController {

  private final EntityRegistration registration;

  EntityApiController(EntityRegistration registration) {
    this.registration = registration;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Register an entity (201; 409 when the code is registered already; 422 naming each field)")
  Map<String, Object> register(@RequestBody EntityRegistration.EntityForm body, Principal principal) {
    return view(registration.register(body, principal.getName()));
  }

  @PutMapping("/{uscc}")
  @Operation(summary = "Change an entity's name, kind, representative, operator or address (its code stays)")
  Map<String, Object> update(@PathVariable String uscc, @RequestBody EntityRegistration.EntityForm body,
      Principal principal) {
    return view(registration.update(uscc, body, principal.getName()));
  }

  @GetMapping("/{uscc}")
  @Operation(summary = "One registered entity")
  Map<String, Object> one(@PathVariable String uscc, Principal principal) {
    return view(registration.find(uscc, principal.getName()));
  }

  static Map<String, Object> view(MarketEntity entity) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("uscc", entity.getUscc());
    view.put("name", entity.getName());
    view.put("kind", entity.getKind());
    view.put("legalRepresentative", entity.getLegalRepresentative());
    view.put("operator", entity.getOperator());
    view.put("address", entity.getAddress());
    return view;
  }
}
