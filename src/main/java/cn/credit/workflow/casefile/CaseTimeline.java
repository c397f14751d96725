package cn.credit.workflow.casefile;

import cn.credit.workflow.process.CaseTasks;
import cn.credit.workflow.process.StepNames;
import cn.credit.workflow.text.Texts;
import cn.credit.workflow.user.Role;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Every step of a case with who, when and its deadline: the engine's task history and the app's own. */
@Service
public class CaseTimeline {

  private final CaseEvents events;
  private final List<TimelineSource> sources;
  private final CaseTasks steps;
  private final Texts texts;
  private final StepNames stepNames;
  private final CaseWords words;

  CaseTimeline(CaseEvents events, List<TimelineSource> sources, CaseTasks steps, Texts texts, StepNames stepNames,
      CaseWords words) {
    this.words = words;
    this.stepNames = stepNames;
    this.events = events;
    this.sources = sources;
    this.steps = steps;
    this.texts = texts;
  }

  /**
   * One line of the timeline. {@code due} is set for tasks; {@code end} is null while a task is open;
   * {@code detail} is in the language of the page or API call asking.
   */
  public record Entry(Instant at, String kind, String what, String actor, Instant due, Instant end, String detail) {}

  /**
   * The case as its applicant sees it, on the portal and over the API alike: without the leaders'
   * urges and supervision, which are internal; who acted as a department, never a staff member's
   * user name; no commitment hash.
   */
  @Transactional(readOnly = true)
  public List<Entry> forApplicant(String caseRef) {
    return lines(caseRef, false);
  }

  /** The case as {@code viewer} may see it: an applicant's view, or the whole case for staff. */
  public List<Entry> forViewer(String caseRef, Principal viewer) {
    boolean applicant = viewer instanceof Authentication who && who.getAuthorities().stream()
        .anyMatch(granted -> Role.APPLICANT.authority().equals(granted.getAuthority()));
    return applicant ? forApplicant(caseRef) : of(caseRef);
  }

  /** The whole case, for the departments concerned. */
  @Transactional(readOnly = true)
  public List<Entry> of(String caseRef) {
    return lines(caseRef, true);
  }

  private List<Entry> lines(String caseRef, boolean withInternal) {
    List<Entry> entries = new ArrayList<>();
    events.of(caseRef).forEach(e -> entries.add(new Entry(e.getOccurredAt(), "event", e.getType(),
        actor(e.getActor(), withInternal), null, null,
        texts.current(words.detail(e.getType(), e.detailText(), !withInternal)))));
    for (CaseTasks.StepHistory step : steps.historyOf(caseRef)) {
      // the step's name in the reader's language, from the bundle by the model's element id
      entries.add(new Entry(step.started().toInstant(), "task",
          stepNames.nameOf(step.processKey(), step.stepKey(), step.name(), LocaleContextHolder.getLocale()),
          actor(step.assignee(), withInternal),
          step.due() == null ? null : step.due().toInstant(), step.ended() == null ? null : step.ended().toInstant(),
          step.endReason()));
    }
    sources.stream().filter(source -> withInternal || !source.internal())
        .forEach(source -> entries.addAll(source.entriesOf(caseRef)));
    entries.sort(Comparator.comparing(Entry::at));
    return entries;
  }

  private String actor(String username, boolean withInternal) {
    return withInternal ? username : texts.current(words.actorForApplicant(username));
  }
}
