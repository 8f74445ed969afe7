package org.campus.rest.internal.workflow;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.Page;
import org.campus.api.workflow.ExportFormat;
import org.campus.api.workflow.Languages;
import org.campus.api.workflow.StateAccess;
import org.campus.api.workflow.Workflow;
import org.campus.api.workflow.WorkflowService;
import org.campus.rest.internal.http.Access;
import org.campus.rest.internal.http.ApiRequest;
import org.campus.rest.internal.http.ApiResource;
import org.campus.rest.internal.http.ApiServlet;
import org.campus.rest.internal.http.Json;
import org.campus.rest.internal.http.Method;
import org.campus.rest.internal.http.Reply;
import org.campus.rest.internal.http.RestConfig;
import org.campus.rest.internal.http.Routes;
import org.campus.rest.internal.json.Shapes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /workflows}: workflow definitions made in Campus (JSON), from a template, imported from
 * Plone DCWorkflow XML or from the state machines of a UML model (XMI, {@code .zargo},
 * {@code .zuml}); their export (DCWorkflow, JSON, Mermaid, DOT: one operation each, and one for
 * all with {@code ?format=}) and the permission simulator.
 */
@Component(service = ApiResource.class, immediate = true, configurationPid = RestConfig.PID)
public class WorkflowResource implements ApiResource {

    /** The scope of every workflow route, definitions and records alike. */
    static final String SCOPE = "workflow";
    static final String BASE = "/workflows";
    static final String JSON_FORMAT = "json";
    static final String FORMATS = "json, dcworkflow, mermaid, dot";
    /** The query parameter naming the language of the titles diagrams and the simulator show. */
    static final String LANG = "lang";

    static final String XML_CONTENT_TYPE = "application/xml";
    static final String ZIP_CONTENT_TYPE = "application/zip";
    static final String TEXT_CONTENT_TYPE = "text/plain; charset=UTF-8";
    /** DOT's own media type, for {@code ?format=dot}; its own operation answers plain text, which every client reads. */
    static final String DOT_CONTENT_TYPE = "text/vnd.graphviz; charset=UTF-8";

    private static final Pattern TEMPLATE_KEY = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    private final WorkflowService workflows;
    private final long maxImportBytes;
    private final WorkflowJson json = new WorkflowJson(new Json());

    @Activate
    public WorkflowResource(@Reference WorkflowService workflows, RestConfig config) {
        this.workflows = workflows;
        this.maxImportBytes = config.maxImportBytes();
    }

    @Override
    public void register(Routes routes) {
        routes.add(Method.POST, BASE, Access.write(SCOPE), this::create)
                .add(Method.GET, BASE, Access.read(SCOPE), this::list)
                .add(Method.POST, BASE + "/import", Access.write(SCOPE), this::importDcWorkflow)
                .add(Method.POST, BASE + "/import/uml", Access.write(SCOPE), this::importUml)
                .add(Method.GET, BASE + "/templates", Access.read(SCOPE), this::templates)
                .add(Method.POST, BASE + "/templates/{key}", Access.write(SCOPE), this::createFromTemplate)
                .add(Method.GET, BASE + "/{id}", Access.read(SCOPE), this::get)
                .add(Method.GET, BASE + "/{id}/export", Access.read(SCOPE), this::export)
                .add(Method.GET, BASE + "/{id}/export/json", Access.read(SCOPE), this::exportJson)
                .add(Method.GET, BASE + "/{id}/export/dcworkflow", Access.read(SCOPE),
                        r -> export(r, ExportFormat.DCWORKFLOW, XML_CONTENT_TYPE))
                .add(Method.GET, BASE + "/{id}/export/mermaid", Access.read(SCOPE),
                        r -> export(r, ExportFormat.MERMAID, TEXT_CONTENT_TYPE))
                .add(Method.GET, BASE + "/{id}/export/dot", Access.read(SCOPE),
                        r -> export(r, ExportFormat.DOT, TEXT_CONTENT_TYPE))
                .add(Method.GET, BASE + "/{id}/simulation", Access.read(SCOPE), this::simulate);
    }

    private Reply create(ApiRequest request) {
        Workflow created = workflows.create(json.readDefinition(request.jsonBody()));
        return created(created);
    }

    private Reply importDcWorkflow(ApiRequest request) {
        request.requireContentType(XML_CONTENT_TYPE, "text/xml", "+xml");
        Workflow imported = workflows.importDcWorkflow(request.body(maxImportBytes));
        return created(imported);
    }

    /** One workflow per state machine; there is no one Location for them, each item has its id. */
    private Reply importUml(ApiRequest request) {
        request.requireContentType(XML_CONTENT_TYPE, "text/xml", "+xml", ZIP_CONTENT_TYPE);
        List<Workflow> imported = workflows.importUml(request.body(maxImportBytes));
        return Reply.text(201, Json.CONTENT_TYPE, null).withJson(new Shapes.Items<>(imported));
    }

    private Reply createFromTemplate(ApiRequest request) {
        String key = request.path("key");
        // asked first, so that a key of no template never reaches a method that changes data
        if (!TEMPLATE_KEY.matcher(key).matches() || !workflows.templates().containsKey(key)) {
            throw new NotFoundException("no workflow template has this key");
        }
        return created(workflows.createFromTemplate(key));
    }

    private Reply created(Workflow w) {
        return Reply.created(ApiServlet.BASE + BASE + "/" + w.id(), w);
    }

    private static Page<Shapes.WorkflowSummary> summaries(Page<Workflow> page) {
        return new Page<>(page.items().stream().map(Shapes.WorkflowSummary::of).toList(), page.next());
    }

    private Reply list(ApiRequest request) {
        return Reply.ok(summaries(workflows.list(request.page())));
    }

    private Reply templates(ApiRequest request) {
        return Reply.ok(new Shapes.Items<>(workflows.templates().entrySet().stream()
                .map(t -> new Shapes.WorkflowTemplate(t.getKey(), t.getValue())).toList()));
    }

    private Reply get(ApiRequest request) {
        return Reply.ok(find(request));
    }

    /** {@code ?format=}: one operation for every format, kept beside the per-format ones. */
    private Reply export(ApiRequest request) {
        String code = Optional.ofNullable(request.query("format")).orElse(JSON_FORMAT);
        if (code.equals(JSON_FORMAT)) {
            return exportJson(request);
        }
        // exactly the codes the OpenAPI document lists
        ExportFormat format = ExportFormat.fromCode(code).filter(f -> f.code().equals(code))
                .orElseThrow(() -> new InvalidInputException("format", "must be one of " + FORMATS));
        return export(request, format, switch (format) {
            case DCWORKFLOW -> XML_CONTENT_TYPE;
            case MERMAID -> TEXT_CONTENT_TYPE;
            case DOT -> DOT_CONTENT_TYPE;
        });
    }

    private Reply exportJson(ApiRequest request) {
        return Reply.text(200, Json.CONTENT_TYPE, json.definitionText(find(request).definition()));
    }

    /** Diagrams show the titles in {@code ?lang=}; DCWorkflow XML holds every language. */
    private Reply export(ApiRequest request, ExportFormat format, String contentType) {
        long id = request.pathId("id", "workflow");
        String language = format == ExportFormat.DCWORKFLOW ? null : request.query(LANG);
        return Reply.text(200, contentType, workflows.export(id, format, language));
    }

    private Reply simulate(ApiRequest request) {
        long id = request.pathId("id", "workflow");
        List<String> roles = RoleQuery.roles(request);
        String language = request.query(LANG);
        List<StateAccess> states = workflows.simulate(id, roles, language);
        return Reply.ok(new Shapes.WorkflowSimulation(id, roles,
                language == null ? null : Languages.normalize(language).orElse(language), states));
    }

    private Workflow find(ApiRequest request) {
        long id = request.pathId("id", "workflow");
        return workflows.find(id).orElseThrow(() -> NotFoundException.of("workflow", id));
    }
}
