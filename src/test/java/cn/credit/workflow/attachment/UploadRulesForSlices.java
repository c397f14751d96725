package cn.credit.workflow.attachment;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * The upload rules ({@code credit.attachments.*}) for a web slice: the slice includes
 * {@link UploadGuard}, a servlet filter, but not the configuration properties it reads.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(AttachmentRules.class)
public class UploadRulesForSlices {}
