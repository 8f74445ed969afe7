package org.campus.rest.internal.http;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.campus.api.job.JobService;
import org.campus.api.privacy.PrivacyService;
import org.campus.api.provider.ProviderRegistry;
import org.campus.api.sharing.ShareProgressService;
import org.campus.api.transfer.TransferService;
import org.campus.api.workflow.WorkflowService;
import org.campus.api.workflow.WorkflowMailService;
import org.campus.rest.internal.job.JobsResource;
import org.campus.rest.internal.privacy.PrivacyResource;
import org.campus.rest.internal.provider.ProvidersResource;
import org.campus.rest.internal.security.ApiKeysResource;
import org.campus.rest.internal.security.AuditResource;
import org.campus.rest.internal.sharing.ShareProgressResource;
import org.campus.rest.internal.system.SystemResource;
import org.campus.rest.internal.transfer.TransferResource;
import org.campus.rest.internal.workflow.WorkflowBindingResource;
import org.campus.rest.internal.workflow.WorkflowMailResource;
import org.campus.rest.internal.workflow.WorkflowRecordResource;
import org.campus.rest.internal.workflow.WorkflowResource;
import org.campus.rest.internal.workflow.WorkflowVersionResource;
import org.campus.rest.internal.workflow.WorklistResource;

/** The API servlet with every resource of the bundle, over fakes that remember each service call. */
public final class TestServlets {

    public final Fakes.Keys keys = new Fakes.Keys()
            .client("lms-all", "moodle", "*")
            .client("lms-shares", "sharer", "share-progress")
            .client("lms-audit", "auditor", "audit");
    public final Fakes.Realm realm = new Fakes.Realm()
            .user("admin", "admin-pw", "admin", "viewer")
            .user("viewer", "viewer-pw", "viewer")
            .user("nobody", "nobody-pw");
    public final Fakes.Audit audit = new Fakes.Audit();
    /** Every call that reached the share-progress, privacy or workflow service, by method name. */
    public final List<String> serviceCalls = Collections.synchronizedList(new ArrayList<>());
    /** Answers of the fake services by method name, with the call's arguments; unanswered calls fail with 404. */
    public final java.util.Map<String, java.util.function.Function<Object[], Object>> answers =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** The arguments of the last call by method name. */
    public final java.util.Map<String, Object[]> lastArgs = new java.util.concurrent.ConcurrentHashMap<>();
    public final ApiServlet servlet;

    public TestServlets() {
        this(1024);
    }

    public TestServlets(long maxBodyBytes) {
        this(maxBodyBytes, null);
    }

    /** With this workflow service behind the workflow routes (a recording one when {@code null}). */
    public TestServlets(long maxBodyBytes, WorkflowService workflowService) {
        servlet = new ApiServlet(config(maxBodyBytes), keys, realm, audit);
        servlet.bindResource(new SystemResource());
        servlet.bindResource(new ApiKeysResource(keys));
        servlet.bindResource(new AuditResource(audit));
        servlet.bindResource(new ShareProgressResource(recording(ShareProgressService.class)));
        servlet.bindResource(new PrivacyResource(recording(PrivacyService.class)));
        servlet.bindResource(new JobsResource(recording(JobService.class)));
        WorkflowService workflows = workflowService == null ? recording(WorkflowService.class) : workflowService;
        servlet.bindResource(new WorkflowResource(workflows, config(maxBodyBytes)));
        servlet.bindResource(new WorkflowRecordResource(workflows));
        servlet.bindResource(new WorkflowVersionResource(workflows));
        servlet.bindResource(new WorkflowBindingResource(workflows));
        servlet.bindResource(new WorklistResource(workflows));
        servlet.bindResource(new WorkflowMailResource(recording(WorkflowMailService.class)));
        servlet.bindResource(new ProvidersResource(recording(ProviderRegistry.class)));
        servlet.bindResource(new org.campus.rest.internal.archive.ArchiveResource(
                recording(org.campus.api.archive.ArchiveService.class)));
        servlet.bindResource(new org.campus.rest.internal.archive.RoleMatchResource(
                recording(org.campus.api.archive.roles.RoleMatcher.class)));
        servlet.bindResource(new TransferResource(recording(TransferService.class), recording(JobService.class)));
        servlet.bindResource(new org.campus.rest.internal.transfer.TransferBatchResource(
                recording(org.campus.api.transfer.TransferBatchService.class)));
    }

    /** A service that remembers every call and then fails, as no hostile input may reach it. */
    private <T> T recording(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                (proxy, m, args) -> {
                    if (m.getDeclaringClass() == Object.class) {
                        return m.getName().equals("hashCode") ? System.identityHashCode(proxy)
                                : m.getName().equals("equals") ? proxy == args[0] : type.getSimpleName();
                    }
                    serviceCalls.add(m.getName());
                    lastArgs.put(m.getName(), args == null ? new Object[0] : args);
                    java.util.function.Function<Object[], Object> answer = answers.get(m.getName());
                    if (answer != null) {
                        return answer.apply(args);
                    }
                    throw new org.campus.api.NotFoundException("fake " + m.getName());
                }));
    }

    public FakeHttp.Response call(FakeHttp.Request request) throws Exception {
        FakeHttp.Response response = FakeHttp.call(servlet, request);
        OpenApiCheck.check(request, response);
        return response;
    }

    public static RestConfig config(long maxBodyBytes) {
        return new RestConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RestConfig.class;
            }

            @Override
            public long maxBodyBytes() {
                return maxBodyBytes;
            }

            @Override
            public long maxImportBytes() {
                return 4 * maxBodyBytes;
            }
        };
    }
}
