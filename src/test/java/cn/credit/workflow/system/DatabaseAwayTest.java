package cn.credit.workflow.system;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A database that is away is a 503 with Retry-After and a message, for the API and for a page,
 * whether Spring's transaction manager, Hikari (also a connection it closed under a rollback) or the
 * engine reports it; another failure of the engine or the database is not taken for it.
 */
class DatabaseAwayTest {

  @RestController
  static class Api {
    @GetMapping("/api/tx")
    String tx() {
      throw new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
          new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 5000ms."));
    }

    @GetMapping("/api/engine")
    String engine() {
      throw new ProcessEngineException("Could not execute query",
          new java.sql.SQLNonTransientConnectionException("Socket fail to connect to 127.0.0.1:3306", "08000"));
    }

    /** What a filing met while the server shut down: the pool closed the connection, the rollback failed on it. */
    @GetMapping("/api/rollback")
    String rollback() {
      throw new JpaSystemException(new PersistenceException("Unable to rollback against JDBC Connection",
          new SQLException("Connection is closed")));
    }

    @GetMapping("/api/constraint")
    String constraint() {
      throw new JpaSystemException(new PersistenceException("could not execute statement",
          new SQLException("Field 'x' doesn't have a default value")));
    }

    @GetMapping("/api/other")
    String other() {
      throw new ProcessEngineException("no deployed process definition found with key 'x'");
    }
  }

  @Controller
  static class Page {
    @GetMapping("/page")
    String page() {
      throw new CannotCreateTransactionException("down", new SQLTransientConnectionException("timed out"));
    }
  }

  private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Api(), new Page())
      .setControllerAdvice(new ApiExceptionHandler(messages())).build();

  @Test
  void theApiAnswers503WithRetryAfterAndSaysTheDatabaseIsAway() throws Exception {
    for (String path : new String[] {"/api/tx", "/api/engine", "/api/rollback"}) {
      mvc.perform(get(path).header("Accept-Language", "zh-CN"))
          .andExpect(status().isServiceUnavailable())
          .andExpect(header().string("Retry-After", "30"))
          .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
          .andExpect(jsonPath("$.status").value(503))
          .andExpect(jsonPath("$.detail").value("数据库暂时无法访问，本次操作未完成，请稍后重试"));
    }
  }

  @Test
  void aPageShowsTheErrorPageWith503() throws Exception {
    mvc.perform(get("/page"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "30"))
        .andExpect(view().name("error"));
  }

  @Test
  void anotherFailureOfTheEngineIsNotTakenForTheDatabase() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> mvc.perform(get("/api/other")))
        .hasRootCauseInstanceOf(ProcessEngineException.class)
        .rootCause().hasMessageContaining("no deployed process definition");
  }

  @Test
  void anotherFailureOfTheDatabaseIsNotTakenForItsAbsence() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> mvc.perform(get("/api/constraint")))
        .hasRootCauseMessage("Field 'x' doesn't have a default value");
  }

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages/messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }
}
