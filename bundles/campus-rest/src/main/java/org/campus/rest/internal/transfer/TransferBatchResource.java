package org.campus.rest.internal.transfer;

import java.util.Locale;

import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.Page;
import org.campus.api.transfer.Codes;
import org.campus.api.transfer.NewTransferBatch;
import org.campus.api.transfer.TransferBatch;
import org.campus.api.transfer.TransferBatchRow;
import org.campus.api.transfer.TransferBatchService;
import org.campus.rest.internal.http.Access;
import org.campus.rest.internal.http.ApiRequest;
import org.campus.rest.internal.http.ApiResource;
import org.campus.rest.internal.http.ApiServlet;
import org.campus.rest.internal.http.Json;
import org.campus.rest.internal.http.Method;
import org.campus.rest.internal.http.Reply;
import org.campus.rest.internal.http.Routes;
import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.SourceAccount;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * {@code /transfers/batches}: upload a CSV of account pairs (each row previewed and run as a transfer
 * of its own, on one job), follow the batch and its rows, cancel it.
 */
@Component(service = ApiResource.class, immediate = true)
public class TransferBatchResource implements ApiResource {

    static final String BASE = TransferResource.BASE + "/batches";
    static final String CSV = "text/csv";
    private static final String RESOLUTIONS = "keep_source, keep_target, keep_both, merge, skip";
    private static final String ACCOUNTS = "left_as_is, marked_merged";

    private final TransferBatchService batches;
    private final Json json = new Json();
    private final TransferJson out = new TransferJson(json);

    @Activate
    public TransferBatchResource(@Reference TransferBatchService batches) {
        this.batches = batches;
    }

    @Override
    public void register(Routes routes) {
        routes.add(Method.POST, BASE, Access.write(TransferResource.SCOPE), this::submit)
                .add(Method.GET, BASE, Access.read(TransferResource.SCOPE), this::list)
                .add(Method.GET, BASE + "/{id}", Access.read(TransferResource.SCOPE), this::get)
                .add(Method.GET, BASE + "/{id}/rows", Access.read(TransferResource.SCOPE), this::rows)
                .add(Method.POST, BASE + "/{id}/cancel", Access.write(TransferResource.SCOPE), this::cancel);
    }

    private Reply submit(ApiRequest request) {
        Resolution resolution = null;
        String r = request.query("resolution");
        if (r != null) {
            resolution = Codes.resolution(r.toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new InvalidInputException("resolution", "must be one of " + RESOLUTIONS));
        }
        SourceAccount account = SourceAccount.LEFT_AS_IS;
        String a = request.query("sourceAccount");
        if (a != null) {
            account = Codes.sourceAccount(a.toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new InvalidInputException("sourceAccount", "must be one of " + ACCOUNTS));
        }
        request.requireContentType(CSV);
        byte[] csv = request.body(TransferBatchService.MAX_BYTES);
        if (csv.length == 0) {
            throw new InvalidInputException("body", "is empty; a CSV with a header line and one line per pair of"
                    + " accounts is required");
        }
        TransferBatch b = batches.submit(new NewTransferBatch(csv, resolution, account), request.caller().actor());
        return Reply.created(location(b.id()), batch(b));
    }

    private static String location(long id) {
        return ApiServlet.BASE + BASE + "/" + id;
    }

    private com.fasterxml.jackson.databind.node.ObjectNode batch(TransferBatch b) {
        return out.batch(b, location(b.id()) + "/rows");
    }

    private Reply list(ApiRequest request) {
        Page<TransferBatch> page = batches.list(request.page());
        ArrayNode items = json.mapper().createArrayNode();
        page.items().forEach(b -> items.add(batch(b)));
        return Reply.ok(out.page(page, items));
    }

    private Reply get(ApiRequest request) {
        long id = request.pathId("id", "transfer batch");
        return Reply.ok(batch(batches.find(id).orElseThrow(() -> NotFoundException.of("transfer batch", id))));
    }

    private Reply rows(ApiRequest request) {
        long id = request.pathId("id", "transfer batch");
        Page<TransferBatchRow> page = batches.rows(id, request.page());
        ArrayNode items = json.mapper().createArrayNode();
        page.items().forEach(r -> items.add(out.batchRow(r)));
        return Reply.ok(out.page(page, items));
    }

    private Reply cancel(ApiRequest request) {
        long id = request.pathId("id", "transfer batch");
        return Reply.ok(batch(batches.cancel(id)));
    }
}
