package org.campus.core.internal.transfer;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.campus.api.job.JobLogLevel;
import org.campus.api.transfer.Codes;
import org.campus.api.transfer.ItemResult;
import org.campus.api.transfer.Transfer;
import org.campus.core.internal.db.JdbcTransactions;
import org.campus.spi.job.JobContext;
import org.campus.spi.job.JobExecutor;
import org.campus.spi.job.JobResult;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Calls the LMS back after a transfer or its undo (a job, so that a failing callback is retried by
 * the engine with its backoff, and shown as a failed job once the attempts are used up): a JSON POST
 * with the two users and the courses affected, so that the LMS recalculates learning progress.
 */
final class TransferCallbackExecutor implements JobExecutor {

    static final String TRANSFER_ID = "transferId";
    static final String EVENT = "event";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JdbcTransactions jdbc;
    private final TransferRepository repository;
    private final TransferEnding ending;
    private final TransferSettings settings;
    private final HttpClient http;

    TransferCallbackExecutor(JdbcTransactions jdbc, TransferRepository repository, TransferEnding ending,
            TransferSettings settings) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.ending = ending;
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.callbackTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public JobResult execute(JobContext context) throws Exception {
        if (settings.callbackUrl() == null) {
            return JobResult.failed("no LMS callback URL is configured (callbackUrl of PID " + TransferConfig.PID + ")");
        }
        long id = Long.parseLong(context.job().parameter(TRANSFER_ID));
        String event = context.job().parameter(EVENT);
        Transfer t = jdbc.read("reading a transfer", c -> repository.find(c, id, 0)).orElse(null);
        if (t == null) {
            return JobResult.failed("transfer " + id + " no longer exists");
        }
        boolean undo = "undo".equals(event);
        ObjectNode body = MAPPER.createObjectNode();
        body.put("event", undo ? "transfer.undone" : "transfer.ended");
        body.put("transferId", t.id());
        body.put("state", t.state().code());
        body.set("fromUserId", TransferJson.lmsId(t.from().id()));
        body.set("toUserId", TransferJson.lmsId(t.to().id()));
        body.put("sourceAccount", Codes.code(t.sourceAccount()));
        body.put("flagged", t.verification() != null && t.verification().flagged());
        ArrayNode courses = body.putArray("courses");
        ending.courses(id, undo ? ItemResult.UNDONE : ItemResult.TRANSFERRED).forEach(courses::add);
        HttpRequest request = HttpRequest.newBuilder(settings.callbackUrl()).timeout(settings.callbackTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body))).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                return JobResult.retry("the LMS callback answered HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            return JobResult.retry("the LMS callback could not be reached: " + e.getMessage());
        }
        context.log(JobLogLevel.INFO, "the LMS was told of transfer {} ({} courses)", id, courses.size());
        return JobResult.succeeded();
    }
}
