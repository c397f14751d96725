package cn.credit.workflow.startup;

/**
 * Work a node does once when it starts (seeding the calendar, the demo data, the engine's groups,
 * the first administrator, the inbox backfill). Steps run in their {@code @Order}, one node at a
 * time ({@link StartupWork}): a step checks what is there already and adds what is missing.
 */
public interface StartupStep {

  void run() throws Exception;
}
