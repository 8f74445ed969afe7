package org.campus.rest.internal.transfer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.job.Job;
import org.campus.api.job.JobService;
import org.campus.api.transfer.Codes;
import org.campus.api.transfer.NewTransfer;
import org.campus.api.transfer.Transfer;
import org.campus.api.transfer.TransferItemResult;
import org.campus.api.transfer.TransferQuery;
import org.campus.api.transfer.TransferService;
import org.campus.api.transfer.TransferState;
import org.campus.api.transfer.UndoRefusedException;
import org.campus.api.workflow.LmsId;
import org.campus.rest.internal.http.Access;
import org.campus.rest.internal.http.ApiRequest;
import org.campus.rest.internal.http.ApiResource;
import org.campus.rest.internal.http.ApiServlet;
import org.campus.rest.internal.http.Json;
import org.campus.rest.internal.http.JsonInput;
import org.campus.rest.internal.http.Method;
import org.campus.rest.internal.http.Reply;
import org.campus.rest.internal.http.Routes;
import org.campus.rest.internal.json.LmsIdJson;
import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.SourceAccount;
import org.campus.spi.transfer.TransferUser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /transfers}: preview what could move from one account to another, start a transfer (a
 * job), follow it, cancel it, undo it, and list transfers (their audit).
 */
@Component(service = ApiResource.class, immediate = true)
public class TransferResource implements ApiResource {

    static final String SCOPE = "transfers";
    static final String BASE = "/transfers";
    static final int MAX_ITEMS = 10_000;
    static final int MAX_ITEM_ID = 300;
    static final int MAX_NAME = 255;
    /** The items a transfer's answer carries once it has ended; the rest are paged at /items. */
    static final int ITEMS_IN_TRANSFER = 1000;
    private static final String RESOLUTIONS = "keep_source, keep_target, keep_both, merge, skip";
    private static final String ACCOUNTS = "left_as_is, marked_merged";

    private final TransferService transfers;
    private final JobService jobs;
    private final Json json = new Json();
    private final TransferJson out = new TransferJson(json);

    @Activate
    public TransferResource(@Reference TransferService transfers, @Reference JobService jobs) {
        this.transfers = transfers;
        this.jobs = jobs;
    }

    @Override
    public void register(Routes routes) {
        routes.add(Method.POST, BASE + "/preview", Access.read(SCOPE), this::preview)
                .add(Method.POST, BASE, Access.write(SCOPE), this::start)
                .add(Method.GET, BASE, Access.read(SCOPE), this::list)
                .add(Method.GET, BASE + "/{id}", Access.read(SCOPE), this::get)
                .add(Method.GET, BASE + "/{id}/items", Access.read(SCOPE), this::items)
                .add(Method.POST, BASE + "/{id}/cancel", Access.write(SCOPE), this::cancel)
                .add(Method.POST, BASE + "/{id}/undo", Access.write(SCOPE), this::undo);
    }

    private Reply preview(ApiRequest request) {
        JsonInput in = request.jsonObject();
        Users users = users(in);
        SourceAccount account = sourceAccount(in);
        in.check();
        return Reply.ok(out.preview(transfers.preview(users.from(), users.to(), account)));
    }

    private Reply start(ApiRequest request) {
        JsonInput in = request.jsonObject();
        Users users = users(in);
        SourceAccount account = sourceAccount(in);
        boolean all = false;
        JsonNode allItems = in.node().get("allItems");
        if (allItems != null && !allItems.isNull()) {
            if (!allItems.isBoolean()) {
                in.error("allItems", "must be true or false");
            } else {
                all = allItems.booleanValue();
            }
        }
        List<String> items = items(in, all);
        Map<String, Resolution> resolutions = resolutions(in);
        in.check();
        Transfer t = transfers.start(new NewTransfer(users.from(), users.to(), items, all, resolutions, account),
                request.caller().actor());
        return Reply.created(ApiServlet.BASE + BASE + "/" + t.id(), out.transfer(t, null, null));
    }

    private record Users(TransferUser from, TransferUser to) {
    }

    private static Users users(JsonInput in) {
        LmsId from = LmsIdJson.field(in, "fromUserId", true);
        LmsId to = LmsIdJson.field(in, "toUserId", true);
        String fromName = in.optionalString("fromName", MAX_NAME);
        String toName = in.optionalString("toName", MAX_NAME);
        if (from == null || to == null) {
            return new Users(null, null);
        }
        return new Users(new TransferUser(from, blank(fromName) ? "user " + from : fromName),
                new TransferUser(to, blank(toName) ? "user " + to : toName));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static SourceAccount sourceAccount(JsonInput in) {
        if (!in.has("sourceAccount")) {
            return SourceAccount.LEFT_AS_IS;
        }
        return in.requiredCode("sourceAccount", s -> Codes.sourceAccount(s.toLowerCase(Locale.ROOT)), ACCOUNTS);
    }

    private static List<String> items(JsonInput in, boolean all) {
        JsonNode node = in.node().get("items");
        List<String> items = new ArrayList<>();
        if (node == null || node.isNull()) {
            if (!all) {
                in.error("items", "is required (or allItems true)");
            }
            return items;
        }
        if (!node.isArray()) {
            in.error("items", "must be an array of item ids");
            return items;
        }
        if (node.size() > MAX_ITEMS) {
            in.error("items", "has more than " + MAX_ITEMS + " ids; use allItems");
            return items;
        }
        for (JsonNode v : node) {
            if (!v.isTextual() || v.textValue().isBlank() || v.textValue().length() > MAX_ITEM_ID) {
                in.error("items", "must hold item ids: strings of 1 to " + MAX_ITEM_ID + " characters");
                return items;
            }
            items.add(v.textValue());
        }
        return items;
    }

    private static Map<String, Resolution> resolutions(JsonInput in) {
        JsonNode node = in.node().get("resolutions");
        Map<String, Resolution> resolutions = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return resolutions;
        }
        if (!node.isObject()) {
            in.error("resolutions", "must be an object of item id to resolution");
            return resolutions;
        }
        if (node.size() > MAX_ITEMS) {
            in.error("resolutions", "has more than " + MAX_ITEMS + " entries");
            return resolutions;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = "resolutions." + (e.getKey().length() > MAX_ITEM_ID ? e.getKey().substring(0, MAX_ITEM_ID)
                    : e.getKey());
            Optional<Resolution> r = e.getValue().isTextual()
                    ? Codes.resolution(e.getValue().textValue().toLowerCase(Locale.ROOT)) : Optional.empty();
            if (e.getKey().length() > MAX_ITEM_ID || r.isEmpty()) {
                in.error(field, "must be one of " + RESOLUTIONS);
            } else {
                resolutions.put(e.getKey(), r.get());
            }
        }
        return resolutions;
    }

    private Reply list(ApiRequest request) {
        TransferState state = null;
        String s = request.query("state");
        if (s != null) {
            state = TransferState.fromCode(s).orElseThrow(() -> new InvalidInputException("state",
                    "must be one of queued, running, completed, failed, cancelled"));
        }
        String by = request.query("requestedBy");
        if (by != null && (by.isBlank() || by.length() > MAX_NAME || by.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidInputException("requestedBy", "must be 1 to " + MAX_NAME + " printable characters");
        }
        TransferQuery query = new TransferQuery(LmsIdJson.query(request, "userId"), state, by,
                request.queryInstant("createdFrom"), request.queryInstant("createdTo"));
        Page<Transfer> page = transfers.list(query, request.page());
        ArrayNode items = json.mapper().createArrayNode();
        page.items().forEach(t -> items.add(out.transfer(t, null, null)));
        return Reply.ok(out.page(page, items));
    }

    private Reply get(ApiRequest request) {
        long id = request.pathId("id", "transfer");
        Transfer t = transfers.find(id).orElseThrow(() -> NotFoundException.of("transfer", id));
        Page<TransferItemResult> items = t.state().isEnded() ? firstItems(id) : null;
        Job callback = t.callbackJobId() == null ? null : jobs.find(t.callbackJobId()).orElse(null);
        return Reply.ok(out.transfer(t, items, callback));
    }

    /** The first {@link #ITEMS_IN_TRANSFER} items, in pages of at most {@link PageRequest#MAX_LIMIT}. */
    private Page<TransferItemResult> firstItems(long id) {
        List<TransferItemResult> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<TransferItemResult> p = transfers.items(id, new PageRequest(PageRequest.MAX_LIMIT, cursor));
            all.addAll(p.items());
            cursor = p.next();
        } while (cursor != null && all.size() < ITEMS_IN_TRANSFER);
        return new Page<>(all, cursor);
    }

    private Reply items(ApiRequest request) {
        long id = request.pathId("id", "transfer");
        Page<TransferItemResult> page = transfers.items(id, request.page());
        ArrayNode items = json.mapper().createArrayNode();
        page.items().forEach(i -> items.add(out.itemResult(i)));
        return Reply.ok(out.page(page, items));
    }

    private Reply cancel(ApiRequest request) {
        long id = request.pathId("id", "transfer");
        return Reply.ok(out.transfer(transfers.cancel(id), null, null));
    }

    private Reply undo(ApiRequest request) {
        long id = request.pathId("id", "transfer");
        try {
            return Reply.ok(out.undo(transfers.undo(id, request.caller().actor())));
        } catch (UndoRefusedException e) {
            ObjectNode problem = json.object();
            problem.put("type", "https://campus.invalid/problems/conflict");
            problem.put("title", "Conflict");
            problem.put("status", 409);
            String detail = e.getMessage();
            problem.put("detail", detail.length() > 2000 ? detail.substring(0, 1999) + "\u2026" : detail);
            problem.set("items", out.undoItems(e.items().size() > MAX_ITEMS ? e.items().subList(0, MAX_ITEMS) : e.items()));
            return Reply.text(409, Json.PROBLEM_CONTENT_TYPE, problem.toString());
        }
    }
}
