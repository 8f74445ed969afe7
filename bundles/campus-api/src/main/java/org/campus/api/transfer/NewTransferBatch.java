package org.campus.api.transfer;

import java.util.Objects;

import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.SourceAccount;

/**
 * A batch to submit: the CSV text (RFC 4180; see {@link TransferBatchService#submit}) and the
 * options that apply to every row.
 *
 * @param csv the upload's bytes, UTF-8 (a byte order mark is allowed)
 * @param resolution applied to every conflict that offers it; {@code null}: a row with a conflict
 *     gets {@code needs_resolution}
 */
public record NewTransferBatch(byte[] csv, Resolution resolution, SourceAccount sourceAccount) {

    public NewTransferBatch {
        Objects.requireNonNull(csv, "csv");
        sourceAccount = sourceAccount == null ? SourceAccount.LEFT_AS_IS : sourceAccount;
    }
}
