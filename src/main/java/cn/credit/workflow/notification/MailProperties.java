package cn.credit.workflow.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code credit.mail.*}: sender address and the outbox's retry policy. */
@ConfigurationProperties("credit.mail")
record MailProperties(String from, boolean dispatchEnabled, int batchSize, Duration firstRetryPause,
    Duration longestRetryPause, int maxAttempts, Duration staleAfter) {}
