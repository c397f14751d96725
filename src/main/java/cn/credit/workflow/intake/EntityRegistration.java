package cn.credit.workflow.intake;

import cn.credit.workflow.department.DepartmentKind;
import cn.credit.workflow.entity.Entities;
import cn.credit.workflow.entity.EntityKind;
import cn.credit.workflow.entity.MarketEntity;
import cn.credit.workflow.entity.Uscc;
import cn.credit.workflow.entity.ValidUscc;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldProblem;
import cn.credit.workflow.system.OneOf;
import cn.credit.workflow.system.Validity;
import cn.credit.workflow.text.Text;
import cn.credit.workflow.user.AppUser;
import cn.credit.workflow.user.Role;
import cn.credit.workflow.user.Users;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Market entities registered and kept up to date by the credit office and administrators: only an
 * entity registered here can have records and an applicant's account.
 */
@Service
public class EntityRegistration {

  private static final Logger log = LoggerFactory.getLogger(EntityRegistration.class);

  private final Entities entities;
  private final Users users;
  private final Validity validity;
  private final Clock clock;

  EntityRegistration(Entities entities, Users users, Validity validity, Clock clock) {
    this.entities = entities;
    this.users = users;
    this.validity = validity;
    this.clock = clock;
  }

  /**
   * An entity as the credit office states it. A company names its legal representative, an
   * individual business its operator (经营者, a natural person); the code cannot change later.
   */
  public record EntityForm(
      @NotBlank(message = "{field.required}") @ValidUscc String uscc,
      @NotBlank(message = "{field.required}") @Size(max = 200, message = "{entity.name.size}") String name,
      @OneOf(EntityKind.class) String kind,
      @Size(max = 100, message = "{admin.name.required}") String legalRepresentative,
      @Size(max = 100, message = "{admin.name.required}") String operator,
      @Size(max = 300, message = "{entity.address.size}") String address) {

    static EntityForm empty() {
      return new EntityForm(null, null, null, null, null, null);
    }

    static EntityForm of(MarketEntity entity) {
      return new EntityForm(entity.getUscc(), entity.getName(), entity.getKind().name(),
          entity.getLegalRepresentative(), entity.getOperator(), entity.getAddress());
    }
  }

  @Transactional
  public MarketEntity register(EntityForm form, String username) {
    mayRegister(username);
    List<FieldProblem> errors = problems(form);
    String code = Uscc.normalize(form.uscc());
    if (errors.isEmpty() && entities.findByUscc(code).isPresent()) {
      throw new ApiProblem(HttpStatus.CONFLICT, Text.of("entity.registered", code), List.of(FieldProblem.of("uscc", "entity.registered", code)));
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(errors, "entity.notRegistered");
    }
    EntityKind kind = EntityKind.valueOf(form.kind().strip());
    MarketEntity saved = entities.save(new MarketEntity(code, form.name().strip(), kind,
        blankToNull(form.legalRepresentative()), operatorOf(kind, form), blankToNull(form.address()), clock.instant()));
    log.info("Entity {} registered by {}", code, username);
    return saved;
  }

  /** Changes everything but the code; the code in the form, if any, must be the entity's own. */
  @Transactional
  public MarketEntity update(String uscc, EntityForm form, String username) {
    mayRegister(username);
    String code = Uscc.normalize(uscc);
    MarketEntity entity = entities.findByUscc(code).orElseThrow(() -> ApiProblem.notFound("entity.none", code));
    EntityForm asOwn = new EntityForm(code, form.name(), form.kind(), form.legalRepresentative(), form.operator(),
        form.address());
    List<FieldProblem> errors = new ArrayList<>(problems(asOwn));
    if (form.uscc() != null && !form.uscc().isBlank() && !Uscc.normalize(form.uscc()).equals(code)) {
      errors.add(FieldProblem.of("uscc", "entity.uscc.fixed"));
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(errors, "entity.notChanged");
    }
    EntityKind kind = EntityKind.valueOf(form.kind().strip());
    entity.update(form.name().strip(), kind, blankToNull(form.legalRepresentative()), operatorOf(kind, form),
        blankToNull(form.address()), clock.instant());
    log.info("Entity {} changed by {}", code, username);
    return entity;
  }

  @Transactional(readOnly = true)
  public MarketEntity find(String uscc, String username) {
    mayRegister(username);
    String code = Uscc.normalize(uscc);
    return entities.findByUscc(code).orElseThrow(() -> ApiProblem.notFound("entity.none", code));
  }

  @Transactional(readOnly = true)
  public List<MarketEntity> latest(String username) {
    mayRegister(username);
    return entities.latest();
  }

  /** Whether the person may register entities: administrators and the credit office's staff. */
  private boolean mayRegisterEntities(String username) {
    AppUser user = users.findById(username).orElse(null);
    return user != null && (user.hasRole(Role.ADMIN)
        || user.getDepartment() != null && user.getDepartment().getKind() == DepartmentKind.CREDIT_OFFICE);
  }

  private void mayRegister(String username) {
    if (!mayRegisterEntities(username)) {
      throw ApiProblem.notFound("entity.creditOfficeOnly"); // another department's staff: as if there were nothing
    }
  }

  private List<FieldProblem> problems(EntityForm form) {
    List<FieldProblem> errors = new ArrayList<>(validity.problems(form));
    String kind = form.kind() == null ? "" : form.kind().strip();
    if (kind.equals(EntityKind.ENTERPRISE.name()) && isBlank(form.legalRepresentative())) {
      errors.add(FieldProblem.of("legalRepresentative", "entity.legalRepresentative.required"));
    }
    if (kind.equals(EntityKind.INDIVIDUAL_BUSINESS.name()) && isBlank(form.operator())) {
      errors.add(FieldProblem.of("operator", "entity.operator.required"));
    }
    return errors;
  }

  /** Only an individual business has an operator: a name given for another kind is not kept. */
  private static String operatorOf(EntityKind kind, EntityForm form) {
    return kind == EntityKind.INDIVIDUAL_BUSINESS ? blankToNull(form.operator()) : null;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String blankToNull(String value) {
    return isBlank(value) ? null : value.strip();
  }
}
