package org.campus.rest.internal.transfer;

import java.util.List;
import java.util.Map;

import org.campus.api.Page;
import org.campus.api.job.Job;
import org.campus.api.transfer.Codes;
import org.campus.api.transfer.ItemCounts;
import org.campus.api.transfer.PreviewConflict;
import org.campus.api.transfer.PreviewItem;
import org.campus.api.transfer.ProviderListing;
import org.campus.api.transfer.ResolutionOffer;
import org.campus.api.transfer.Transfer;
import org.campus.api.transfer.TransferBatch;
import org.campus.api.transfer.TransferBatchRow;
import org.campus.api.transfer.TransferBatchRowStatus;
import org.campus.api.transfer.TransferItemResult;
import org.campus.api.transfer.TransferPreview;
import org.campus.api.transfer.TransferVerification;
import org.campus.api.transfer.UndoItem;
import org.campus.api.transfer.UndoResult;
import org.campus.api.transfer.VerificationCount;
import org.campus.api.transfer.VerificationFinding;
import org.campus.api.workflow.LmsId;
import org.campus.rest.internal.http.Json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON of the transfer routes, as the OpenAPI document's Transfer* schemas describe it. */
final class TransferJson {

    private final Json json;

    TransferJson(Json json) {
        this.json = json;
    }

    ObjectNode preview(TransferPreview p) {
        ObjectNode n = json.object();
        n.set("fromUserId", lmsId(p.from().id()));
        n.set("toUserId", lmsId(p.to().id()));
        n.put("sourceAccount", Codes.code(p.sourceAccount()));
        n.put("sourceAccountEffect", p.sourceAccountEffect());
        n.put("itemCount", p.items().size());
        ArrayNode groups = n.putArray("groups");
        for (Map.Entry<String, List<PreviewItem>> g : p.byType().entrySet()) {
            ObjectNode group = groups.addObject();
            group.put("type", g.getKey());
            ArrayNode items = group.putArray("items");
            for (PreviewItem i : g.getValue()) {
                items.add(item(i));
            }
        }
        ArrayNode providers = n.putArray("providers");
        for (ProviderListing l : p.providers()) {
            providers.addObject().put("id", l.provider()).put("title", l.title()).put("undo", l.undo())
                    .put("items", l.items()).put("outcome", l.outcome().code()).put("message", l.message());
        }
        ArrayNode warnings = n.putArray("warnings");
        p.warnings().forEach(warnings::add);
        return n;
    }

    private ObjectNode item(PreviewItem i) {
        ObjectNode n = json.object();
        n.put("id", i.id());
        n.put("provider", i.provider());
        n.put("type", i.type());
        n.put("title", i.title());
        n.put("info", i.info());
        ArrayNode courses = n.putArray("courses");
        i.courses().forEach(c -> courses.add(lmsId(c)));
        n.put("irreversible", i.irreversible());
        n.put("irreversibleReason", i.irreversibleReason());
        PreviewConflict c = i.conflict();
        if (c == null) {
            n.putNull("conflict");
        } else {
            ObjectNode conflict = n.putObject("conflict");
            conflict.put("description", c.description());
            ArrayNode resolutions = conflict.putArray("resolutions");
            c.resolutions().forEach(r -> resolutions.add(Codes.code(r)));
            conflict.put("recommended", Codes.code(c.recommended()));
            ArrayNode offers = conflict.putArray("offers");
            for (ResolutionOffer o : c.offers()) {
                offers.addObject().put("resolution", Codes.code(o.resolution())).put("effect", o.effect())
                        .put("irreversible", o.irreversible()).put("irreversibleReason", o.irreversibleReason());
            }
        }
        return n;
    }

    /** A transfer; {@code items} (the first page of its items) once it has ended, else null. */
    ObjectNode transfer(Transfer t, Page<TransferItemResult> items, Job callback) {
        ObjectNode n = json.object();
        n.put("id", t.id());
        n.put("state", t.state().code());
        n.set("fromUserId", lmsId(t.from().id()));
        n.put("fromName", t.from().displayName());
        n.set("toUserId", lmsId(t.to().id()));
        n.put("toName", t.to().displayName());
        n.put("sourceAccount", Codes.code(t.sourceAccount()));
        n.put("requestedBy", t.requestedBy());
        n.put("timeCreated", text(t.timeCreated()));
        n.put("timeStarted", text(t.timeStarted()));
        n.put("timeEnded", text(t.timeEnded()));
        n.put("jobId", t.jobId());
        n.put("progress", t.progress());
        n.put("reason", t.reason());
        ItemCounts c = t.counts();
        n.putObject("counts").put("selected", c.selected()).put("pending", c.pending())
                .put("transferred", c.transferred()).put("skipped", c.skipped()).put("failed", c.failed())
                .put("notRun", c.notRun()).put("undone", c.undone()).put("notUndone", c.notUndone());
        if (items == null) {
            n.putNull("items");
            n.putNull("itemsNext");
        } else {
            ArrayNode list = n.putArray("items");
            items.items().forEach(i -> list.add(itemResult(i)));
            n.put("itemsNext", items.next());
        }
        n.set("verification", t.verification() == null ? null : verification(t.verification()));
        if (t.undoState() == null) {
            n.putNull("undo");
        } else {
            n.putObject("undo").put("state", t.undoState()).put("by", t.undoneBy()).put("time", text(t.timeUndone()))
                    .put("reason", t.undoReason());
        }
        if (callback == null) {
            n.putNull("callback");
        } else {
            n.putObject("callback").put("jobId", callback.id()).put("state", callback.state().code())
                    .put("attempts", callback.attempt()).put("reason", callback.reason());
        }
        return n;
    }

    ObjectNode itemResult(TransferItemResult i) {
        ObjectNode n = json.object();
        n.put("id", i.id());
        n.put("provider", i.provider());
        n.put("type", i.type());
        n.put("title", i.title());
        n.put("resolution", Codes.code(i.resolution()));
        n.put("outcome", i.outcome().code());
        n.put("message", i.message());
        n.put("undoOutcome", Codes.code(i.undoOutcome()));
        n.put("undoRefusal", Codes.code(i.undoRefusal()));
        n.put("undoDetail", i.undoDetail());
        return n;
    }

    private ObjectNode verification(TransferVerification v) {
        ObjectNode n = json.object();
        n.put("flagged", v.flagged());
        ArrayNode reasons = n.putArray("reasons");
        v.reasons().forEach(reasons::add);
        ArrayNode counts = n.putArray("counts");
        for (VerificationCount c : v.counts()) {
            counts.addObject().put("provider", c.provider()).put("objectType", c.objectType()).put("moved", c.moved())
                    .put("stayed", c.stayed()).put("removed", c.removed()).put("lost", c.lost());
        }
        ArrayNode findings = n.putArray("findings");
        for (VerificationFinding f : v.findings()) {
            findings.addObject().put("itemId", f.itemId()).put("objectType", f.objectType())
                    .put("objectId", f.objectId()).put("expected", Codes.code(f.expected()))
                    .put("actual", Codes.code(f.actual())).put("detail", f.detail());
        }
        n.put("findingCount", v.findingCount());
        n.put("time", text(v.time()));
        return n;
    }

    ObjectNode undo(UndoResult r) {
        ObjectNode n = json.object();
        n.put("transferId", r.transferId());
        n.put("complete", r.complete());
        n.set("items", undoItems(r.items()));
        return n;
    }

    ArrayNode undoItems(List<UndoItem> items) {
        ArrayNode a = json.mapper().createArrayNode();
        for (UndoItem i : items) {
            a.addObject().put("id", i.id()).put("provider", i.provider()).put("outcome", i.outcome().code())
                    .put("reason", Codes.code(i.reason())).put("detail", i.detail());
        }
        return a;
    }

    /** A batch, with its counts per row status and the link to its rows. */
    ObjectNode batch(TransferBatch b, String rowsLink) {
        ObjectNode n = json.object();
        n.put("id", b.id());
        n.put("state", b.state().code());
        n.put("resolution", Codes.code(b.resolution()));
        n.put("sourceAccount", Codes.code(b.sourceAccount()));
        n.put("requestedBy", b.requestedBy());
        n.put("timeCreated", text(b.timeCreated()));
        n.put("timeStarted", text(b.timeStarted()));
        n.put("timeEnded", text(b.timeEnded()));
        n.put("jobId", b.jobId());
        n.put("rowCount", b.rowCount());
        ObjectNode counts = n.putObject("counts");
        for (TransferBatchRowStatus s : TransferBatchRowStatus.values()) {
            counts.put(camel(s.code()), b.counts().getOrDefault(s, 0));
        }
        n.put("reason", b.reason());
        n.put("rows", rowsLink);
        return n;
    }

    ObjectNode batchRow(TransferBatchRow r) {
        ObjectNode n = json.object();
        n.put("line", r.line());
        n.set("fromUserId", lmsId(r.from().id()));
        n.put("fromName", r.from().displayName());
        n.set("toUserId", lmsId(r.to().id()));
        n.put("toName", r.to().displayName());
        n.put("status", r.status().code());
        if (r.transferId() == null) {
            n.putNull("transferId");
        } else {
            n.put("transferId", r.transferId());
        }
        n.put("message", r.message());
        n.put("timeModified", text(r.timeModified()));
        return n;
    }

    /** {@code needs_resolution} as {@code needsResolution}. */
    private static String camel(String code) {
        StringBuilder s = new StringBuilder();
        boolean up = false;
        for (char ch : code.toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                s.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return s.toString();
    }

    ObjectNode page(Page<?> page, ArrayNode items) {
        ObjectNode n = json.object();
        n.set("items", items);
        n.put("next", page.next());
        return n;
    }

    private com.fasterxml.jackson.databind.JsonNode lmsId(LmsId id) {
        return id.numeric() ? json.mapper().getNodeFactory().numberNode(Long.parseLong(id.value()))
                : json.mapper().getNodeFactory().textNode(id.value());
    }

    private static String text(java.time.Instant t) {
        return t == null ? null : t.toString();
    }
}
