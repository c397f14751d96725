/**
 * What the credit office and the departments put into the system: market entities (registered by
 * the credit office), the departments' own records one by one and in batches from their systems.
 */
package cn.credit.workflow.intake;
