package cn.credit.workflow.attachment;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What proof files are accepted: kinds (by file extension, the content checked against it) and
 * sizes. Configuration, since offices change them: credit.attachments.*.
 */
@ConfigurationProperties("credit.attachments")
record AttachmentRules(List<String> allowedTypes, DataSize maxFileSize, int maxFiles) {}
