package cn.credit.workflow.commitment;

import cn.credit.workflow.casefile.CaseEvents;
import cn.credit.workflow.casefile.CaseRecord;
import cn.credit.workflow.entity.MarketEntity;
import cn.credit.workflow.process.CaseProcesses;
import cn.credit.workflow.process.ModelNames;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.text.Text;
import cn.credit.workflow.system.Validity;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Commitment templates (versioned per severity and department) and signed commitments. */
@Service
public class CommitmentService {

  private final Validity validity;
  private final TemplateRepository templates;
  private final CommitmentRepository commitments;
  private final CaseEvents caseEvents;
  private final Clock clock;
  private final CaseProcesses processes;

  CommitmentService(TemplateRepository templates, CommitmentRepository commitments, CaseEvents caseEvents,
      Clock clock, CaseProcesses processes, Validity validity) {
    this.validity = validity;
    this.templates = templates;
    this.commitments = commitments;
    this.caseEvents = caseEvents;
    this.clock = clock;
    this.processes = processes;
  }

  /** The version in force for a record: the department's own if it has one, else the general one. */
  @Transactional(readOnly = true)
  public CommitmentTemplate templateFor(CommitmentPurpose purpose, Severity severity, String departmentCode) {
    return templates.latest(severity, departmentCode, purpose).stream().findFirst()
        .or(() -> templates.latestGeneral(severity, purpose).stream().findFirst())
        .orElseThrow(() -> new IllegalStateException("no " + purpose + " commitment template for " + severity));
  }

  @Transactional(readOnly = true)
  public CommitmentTemplate template(Long id) {
    return templates.findById(id).orElseThrow();
  }

  /** Every version of every template, the newest first within each severity and department. */
  @Transactional(readOnly = true)
  public List<CommitmentTemplate> allTemplates() {
    return templates.findAll(Sort.by("purpose", "severity", "departmentCode").and(Sort.by(Sort.Direction.DESC, "version")));
  }

  /** Publishes the next version of a template; requests already filed keep theirs. */
  @Transactional
  public CommitmentTemplate publish(CommitmentPurpose purpose, Severity severity, String departmentCode, String title,
      String body, String actor) {
    int next = templates.maxVersion(severity, departmentCode, purpose).orElse(0) + 1;
    return templates.save(new CommitmentTemplate(purpose, severity, departmentCode, next, title, body, clock.instant(),
        actor));
  }

  /** The exact text an applicant reads and signs for this record. */
  public String textFor(CommitmentTemplate template, MarketEntity entity, DishonestyRecord record) {
    return template.getTitle() + "\n\n" + template.getBody()
        .replace("{entityName}", entity.getName())
        .replace("{uscc}", entity.getUscc())
        .replace("{decisionNumber}", record.getDecisionNumber())
        .replace("{recordTitle}", record.getTitle());
  }

  @Transactional
  public Commitment sign(String caseRef, MarketEntity entity, CommitmentTemplate template, String text,
      String signatoryName, String username) {
    if (commitments.existsByCaseRef(caseRef)) {
      throw ApiProblem.conflict("commitment.signedAlready", caseRef);
    }
    return commitments.save(new Commitment(caseRef, entity.getId(), template, text, sha256(text), signatoryName,
        username, clock.instant()));
  }

  /**
   * The applicant signs a case's commitment: checked (a name, the text accepted), stored with the
   * exact text shown and its SHA-256, written to the case history. Who may sign is the case's call.
   */
  @Transactional
  public Commitment signForCase(String caseRef, MarketEntity entity, Long templateId, String text,
      String signatoryName, Boolean accepted, String username) {
    validity.check(new Signature(signatoryName, accepted), "commitment.notSigned");
    Commitment commitment = sign(caseRef, entity, template(templateId), text, signatoryName.strip(), username);
    caseEvents.record(caseRef, username, "COMMITMENT_SIGNED",
        Text.of("timeline.commitmentSigned", commitment.getTemplateVersion(), commitment.getSha256()));
    return commitment;
  }

  /** A signed commitment as the API shows it. */
  /** What the applicant gives to sign (also the API's body and the signing page's form): a name, and yes. */
  public record Signature(
      @NotBlank(message = "{commitment.signatoryName.required}")
      @Size(max = 100, message = "{commitment.signatoryName.required}") String signatoryName,
      @NotNull(message = "{commitment.accepted.required}")
      @AssertTrue(message = "{commitment.accepted.required}") Boolean accepted) {}

  public record Signed(String caseRef, String signatoryName, Instant signedAt, int templateVersion, String sha256) {

    public static Signed of(Commitment c) {
      return new Signed(c.getCaseRef(), c.getSignatoryName(), c.getSignedAt(), c.getTemplateVersion(), c.getSha256());
    }
  }

  @Transactional(readOnly = true)
  public Optional<Commitment> ofCase(String caseRef) {
    return commitments.findByCaseRef(caseRef);
  }

  /** What the public page shows: every commitment the entity signed. */
  @Transactional(readOnly = true)
  public List<Commitment> publishedFor(Long entityId) {
    return commitments.findByEntityIdOrderBySignedAtDesc(entityId);
  }

  /**
   * The natural persons who signed for each of the entities (their names are masked in all its
   * public texts), in one query however many entities a search finds.
   */
  @Transactional(readOnly = true)
  public Map<Long, List<String>> signatoriesOf(Collection<Long> entityIds) {
    if (entityIds.isEmpty()) {
      return Map.of();
    }
    return commitments.signatoryNames(entityIds).stream().collect(Collectors.groupingBy(row -> (Long) row[0],
        Collectors.mapping(row -> (String) row[1], Collectors.toList())));
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The exact commitment text a case's applicant signs: the template version pinned when the case was filed. */
  @Transactional(readOnly = true)
  public String textOf(CaseRecord filed) {
    return textFor(template(filed.getTemplateId()), filed.getEntity(), filed.getRecord());
  }

  /**
   * The signature of a case's commitment: only by the applicant who filed it (anyone else is told
   * there is no such case), checked, stored with the exact text and its SHA-256, in the case history.
   */
  @Transactional
  public Commitment signFor(CaseRecord filed, String username, String signatoryName, Boolean accepted) {
    if (!username.equals(filed.getApplicant())) {
      throw ApiProblem.notFound("case.none", filed.getCaseRef());
    }
    return signForCase(filed.getCaseRef(), filed.getEntity(), filed.getTemplateId(), textOf(filed), signatoryName,
        accepted, username);
  }

  /**
   * Signs and goes on: the case must wait at its signing step ({@code state} says where it is
   * otherwise); the signature is recorded and the step completed in one transaction.
   */
  @Transactional
  public Commitment signAndContinue(CaseRecord filed, Object state, String username, String signatoryName,
      Boolean accepted) {
    String step = processes.openStep(filed.getCaseRef(), ModelNames.Signing.SIGN).orElseThrow(() -> ApiProblem.conflict(
        "commitment.notAwaited", filed.getCaseRef(), state));
    Commitment commitment = signFor(filed, username, signatoryName, accepted);
    processes.complete(step, Map.of("signatoryName", signatoryName.strip(), "accepted", true), username);
    return commitment;
  }
}
