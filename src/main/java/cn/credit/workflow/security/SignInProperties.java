package cn.credit.workflow.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in throttling ({@code credit.security.sign-in.*}). After {@code freeFailures} failed
 * attempts, each next attempt must wait {@code firstDelay}, doubling up to {@code maxDelay}; an
 * attempt made sooner is refused without looking at the password and counts as failed too. At
 * {@code lockAfter} failures of one account it is locked for {@code lockDuration}. An address (an
 * office behind one gateway is many people) is delayed only after {@code addressFreeFailures} and
 * locked at {@code addressLockAfter}. Failures older than {@code window} are forgotten.
 */
@ConfigurationProperties("credit.security.sign-in")
public record SignInProperties(int freeFailures, Duration firstDelay, Duration maxDelay, int lockAfter,
    int addressFreeFailures, int addressLockAfter, Duration lockDuration, Duration window) {}
