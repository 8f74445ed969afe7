package org.campus.shell.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.campus.api.InvalidInputException;
import org.campus.api.security.AuditService;
import org.campus.api.transfer.Codes;
import org.campus.api.transfer.NewTransferBatch;
import org.campus.api.transfer.TransferBatch;
import org.campus.api.transfer.TransferBatchService;
import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.SourceAccount;

@Service
@Command(scope = "campus", name = "transfer-batch-submit",
        description = "Queues a batch of transfers from a CSV file of account pairs; each row is previewed and runs as"
                + " a transfer of its own.",
        detailedDescription = "Usage: campus:transfer-batch-submit [--resolution r] [--source-account a] <file>\n"
                + "The file is CSV (RFC 4180, UTF-8) with a header line naming fromUserId and toUserId (and optionally"
                + " fromName, toName), then one line per pair: at most 1000 lines and 256 KiB. Every bad line is"
                + " reported at once as lines[N].<column>.")
public class TransferBatchSubmitCommand extends CampusAction {

    static final String FIELD = "file";

    @Reference
    TransferBatchService batches;

    @Reference(optional = true)
    AuditService audit;

    @Argument(index = 0, name = "file", description = "The CSV file", required = true)
    @Completion(FileCompleter.class)
    String file;

    @Option(name = "--resolution", aliases = "-r",
            description = "Given to every conflict that offers it: keep_source, keep_target, keep_both, merge, skip")
    String resolution;

    @Option(name = "--source-account", description = "left_as_is (default) or marked_merged")
    String sourceAccount;

    @Override
    protected void run(PrintStream out) {
        Resolution r = resolution == null ? null : Codes.resolution(resolution.trim().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new InvalidInputException("resolution",
                        "must be one of keep_source, keep_target, keep_both, merge, skip"));
        SourceAccount a = sourceAccount == null ? SourceAccount.LEFT_AS_IS
                : Codes.sourceAccount(sourceAccount.trim().toLowerCase(Locale.ROOT)).orElseThrow(
                        () -> new InvalidInputException("sourceAccount", "must be left_as_is or marked_merged"));
        Path path = Paths.get(file);
        byte[] csv = read(path);
        TransferBatch b = batches.submit(new NewTransferBatch(csv, r, a), ConsoleAudit.user());
        String name = path.getFileName() == null ? file : path.getFileName().toString();
        ConsoleAudit.record(audit, "transfer-batch-submit", "/transfers/batches/" + b.id(), "csv file " + name + ", "
                + b.rowCount() + " rows");
        out.println("Transfer batch " + b.id() + " queued: " + b.rowCount() + " rows from " + name
                + " (job " + b.jobId() + "). Follow it with campus:transfer-batch-show " + b.id() + ".");
    }

    /** A readable regular file of at most {@link TransferBatchService#MAX_BYTES}; else field {@value #FIELD}. */
    static byte[] read(Path path) {
        if (!Files.exists(path)) {
            throw new InvalidInputException(FIELD, path + " does not exist");
        }
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException(FIELD, path + " is not a regular file");
        }
        if (!Files.isReadable(path)) {
            throw new InvalidInputException(FIELD, path + " cannot be read");
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(TransferBatchService.MAX_BYTES + 1);
            if (bytes.length > TransferBatchService.MAX_BYTES) {
                throw new InvalidInputException(FIELD, path + " is larger than " + TransferBatchService.MAX_BYTES
                        + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new InvalidInputException(FIELD, path + " cannot be read: " + e.getMessage());
        }
    }
}
