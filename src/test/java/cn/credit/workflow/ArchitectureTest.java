package cn.credit.workflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/**
 * The boundaries of the code: features reach each other through services, never through another
 * feature's repository; the engine's internals stay out of the application; the engine's services
 * are used by the process adapter only; no cycles between features.
 */
class ArchitectureTest {

  static final String APP = "cn.credit.workflow";

  /** The process adapter: the one package that uses the engine's services (and holds the engine identity mirror). */
  static final String ADAPTER = APP + ".process..";

  /**
   * Main classes that use {@code org.camunda.bpm.engine.impl}, each with its reason in
   * docs/adr/0002-engine-public-api.md: the engine's clock has no public API.
   */
  static final Set<String> ENGINE_INTERNALS_WITH_A_REASON = Set.of("system.EngineClock");

  static JavaClasses main;

  @BeforeAll
  static void importMainCode() {
    main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(APP);
  }

  /**
   * The case core's generic lookups ({@code @NoRepositoryBean}, no table of their own) are
   * extended by each kind's repository; a feature's own repositories are its own.
   */
  @Test
  void aFeatureReachesAnothersDataThroughItsServicesNeverItsRepository() {
    ArchRule rule = classes().that().haveSimpleNameEndingWith("Repository").and().resideInAPackage(APP + "..")
        .and().areNotAnnotatedWith(NoRepositoryBean.class)
        .should(new ArchCondition<>("be used only by classes of their own feature") {
          @Override
          public void check(JavaClass repository, ConditionEvents events) {
            for (Dependency use : repository.getDirectDependenciesToSelf()) {
              JavaClass user = use.getOriginClass();
              if (!user.getPackageName().equals(repository.getPackageName())) {
                events.add(SimpleConditionEvent.violated(use, use.getDescription()));
              }
            }
          }
        });
    rule.check(main);
  }

  @Test
  void theEnginesInternalsStayOutExceptWhereAnAdrSaysWhy() {
    noClasses().that(notIn(ENGINE_INTERNALS_WITH_A_REASON))
        .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
        .check(main);
  }

  @Test
  void theEnginesServicesAreUsedByTheProcessAdapterOnly() {
    noClasses().that().resideOutsideOfPackage(ADAPTER)
        .should().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.RuntimeService")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.TaskService")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.HistoryService")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.RepositoryService")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.IdentityService")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.ManagementService")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.DecisionService")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.FormService")
        .check(main);
  }

  /** Controllers only translate between HTTP and a service; the service holds the transaction. */
  @Test
  void controllersAreThinAndHoldNoTransaction() {
    noClasses().that().areAnnotatedWith(Controller.class)
        .or().areAnnotatedWith(RestController.class)
        .should().beAnnotatedWith(Transactional.class)
        .check(main);
    noMethods().that().areDeclaredInClassesThat()
        .areAnnotatedWith(Controller.class)
        .or().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
        .should().beAnnotatedWith(Transactional.class)
        .check(main);
  }

  @Test
  void theFeaturesDependOnEachOtherWithoutCycles() {
    slices().matching(APP + ".(*)..").should().beFreeOfCycles().check(main);
  }

  private static DescribedPredicate<JavaClass> notIn(Set<String> listed) {
    return DescribedPredicate.describe("not listed " + listed,
        c -> !listed.contains(c.getName().substring(APP.length() + 1).replaceAll("\\$.*", "")));
  }
}
