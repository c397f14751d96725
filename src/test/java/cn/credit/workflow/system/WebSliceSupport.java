package cn.credit.workflow.system;

import cn.credit.workflow.attachment.UploadRulesForSlices;
import cn.credit.workflow.audit.AuditLog;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * What every page and answer of a {@code @WebMvcTest} slice needs besides the controller under
 * test: the office's clock (the layout's {@code ${zone}}) and {@code @fieldErrors}, which the slice
 * does not pick up by itself, and the upload rules its upload guard (a filter) reads. The audit trail is a mock: the admin-action interceptor, a
 * WebMvcConfigurer the slice does include, writes to it. The message bundles, Thymeleaf, the
 * language switch and {@link ApiExceptionHandler} come with the slice as they are.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import({TimeConfiguration.class, FieldErrors.class, UploadRulesForSlices.class})
@MockitoBean(types = AuditLog.class)
public @interface WebSliceSupport {}
