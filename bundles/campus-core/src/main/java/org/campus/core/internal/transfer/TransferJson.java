package org.campus.core.internal.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.campus.api.transfer.Codes;
import org.campus.api.transfer.TransferVerification;
import org.campus.api.transfer.VerificationCount;
import org.campus.api.transfer.VerificationFinding;
import org.campus.api.workflow.LmsId;
import org.campus.spi.transfer.ChangeAction;
import org.campus.spi.transfer.Conflict;
import org.campus.spi.transfer.ObjectChange;
import org.campus.spi.transfer.ObjectFate;
import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.ResolutionOption;
import org.campus.spi.transfer.TransferItem;
import org.campus.spi.transfer.UndoRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** How the core stores listed items, undo records and verifications: JSON in their rows. */
final class TransferJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TransferJson() {
    }

    // ----------------------------------------------------------------------------------- items

    static String item(TransferItem item) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("title", item.title());
        n.put("info", item.info());
        if (!item.parameters().isEmpty()) {
            ObjectNode p = n.putObject("parameters");
            item.parameters().forEach(p::put);
        }
        if (!item.courses().isEmpty()) {
            ArrayNode c = n.putArray("courses");
            item.courses().forEach(id -> c.add(lmsId(id)));
        }
        n.put("irreversible", item.irreversibleReason());
        item.conflict().ifPresent(conflict -> {
            ObjectNode c = n.putObject("conflict");
            c.put("description", conflict.description());
            c.put("recommended", conflict.recommended().map(Resolution::name).orElse(null));
            ArrayNode options = c.putArray("options");
            for (ResolutionOption o : conflict.options()) {
                options.addObject().put("resolution", o.resolution().name()).put("effect", o.effect())
                        .put("irreversible", o.irreversibleReason());
            }
        });
        return write(n);
    }

    static StoredItem item(String id, String type, String json) {
        JsonNode n = read(json);
        Map<String, String> parameters = new LinkedHashMap<>();
        n.path("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().textValue()));
        Set<LmsId> courses = new LinkedHashSet<>();
        n.path("courses").forEach(c -> courses.add(lmsId(c)));
        Optional<Conflict> conflict = Optional.empty();
        JsonNode c = n.get("conflict");
        if (c != null && !c.isNull()) {
            List<ResolutionOption> options = new ArrayList<>();
            c.path("options").forEach(o -> options.add(new StoredItem.Option(Resolution.valueOf(o.get("resolution").textValue()),
                    o.get("effect").textValue(), text(o, "irreversible"))));
            String recommended = text(c, "recommended");
            conflict = Optional.of(new StoredItem.ItemConflict(c.get("description").textValue(), options,
                    Optional.ofNullable(recommended).map(Resolution::valueOf)));
        }
        return new StoredItem(id, type, n.get("title").textValue(), text(n, "info"), parameters, courses,
                text(n, "irreversible"), conflict);
    }

    // ----------------------------------------------------------------------------- undo records

    record Record(String itemId, int formatVersion, List<ObjectChange> changes, String data) implements UndoRecord {
        Record {
            changes = List.copyOf(changes);
        }
    }

    record Change(ChangeAction action, String objectType, String objectId, LmsId previousOwner, LmsId owner,
            String previousState) implements ObjectChange {
    }

    static String record(UndoRecord record) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("itemId", record.itemId());
        n.put("formatVersion", record.formatVersion());
        ArrayNode changes = n.putArray("changes");
        for (ObjectChange c : record.changes()) {
            ObjectNode o = changes.addObject();
            o.put("action", c.action().name());
            o.put("type", c.objectType());
            o.put("id", c.objectId());
            if (c.previousOwner() != null) {
                o.set("previousOwner", lmsId(c.previousOwner()));
            }
            if (c.owner() != null) {
                o.set("owner", lmsId(c.owner()));
            }
            o.put("previousState", c.previousState());
        }
        n.put("data", record.data());
        return write(n);
    }

    static UndoRecord record(String json) {
        if (json == null) {
            return null;
        }
        JsonNode n = read(json);
        List<ObjectChange> changes = new ArrayList<>();
        for (JsonNode c : n.path("changes")) {
            changes.add(new Change(ChangeAction.valueOf(c.get("action").textValue()), c.get("type").textValue(),
                    c.get("id").textValue(), optionalLmsId(c.get("previousOwner")), optionalLmsId(c.get("owner")),
                    text(c, "previousState")));
        }
        return new Record(n.get("itemId").textValue(), n.get("formatVersion").intValue(), changes, text(n, "data"));
    }

    // ----------------------------------------------------------------------------- verification

    static String verification(TransferVerification v) {
        ObjectNode n = MAPPER.createObjectNode();
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
        n.put("time", v.time().toEpochMilli());
        return write(n);
    }

    static TransferVerification verification(String json) {
        if (json == null) {
            return null;
        }
        JsonNode n = read(json);
        List<String> reasons = new ArrayList<>();
        n.path("reasons").forEach(r -> reasons.add(r.textValue()));
        List<VerificationCount> counts = new ArrayList<>();
        for (JsonNode c : n.path("counts")) {
            counts.add(new VerificationCount(c.get("provider").textValue(), c.get("objectType").textValue(),
                    c.get("moved").intValue(), c.get("stayed").intValue(), c.get("removed").intValue(),
                    c.get("lost").intValue()));
        }
        List<VerificationFinding> findings = new ArrayList<>();
        for (JsonNode f : n.path("findings")) {
            findings.add(new VerificationFinding(f.get("itemId").textValue(), f.get("objectType").textValue(),
                    f.get("objectId").textValue(), Codes.fate(f.get("expected").textValue()).orElse(ObjectFate.LOST),
                    Codes.fate(f.get("actual").textValue()).orElse(ObjectFate.LOST), text(f, "detail")));
        }
        return new TransferVerification(n.get("flagged").booleanValue(), reasons, counts, findings,
                n.get("findingCount").intValue(), Instant.ofEpochMilli(n.get("time").longValue()));
    }

    // ---------------------------------------------------------------------------------- helpers

    static JsonNode lmsId(LmsId id) {
        return id.numeric() ? MAPPER.getNodeFactory().numberNode(Long.parseLong(id.value()))
                : MAPPER.getNodeFactory().textNode(id.value());
    }

    static LmsId lmsId(JsonNode n) {
        return n.isNumber() ? LmsId.of(n.longValue()) : LmsId.of(n.textValue());
    }

    private static LmsId optionalLmsId(JsonNode n) {
        return n == null || n.isNull() ? null : lmsId(n);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.textValue();
    }

    static String write(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
