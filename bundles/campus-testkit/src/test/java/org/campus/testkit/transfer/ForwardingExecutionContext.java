package org.campus.testkit.transfer;

import org.campus.spi.transfer.ExecutionContext;
import org.campus.spi.transfer.TransferException;
import org.campus.spi.transfer.UndoRecord;
import org.campus.spi.transfer.UndoRecordBuilder;

/** Passes every call on; broken providers override what they get wrong. */
class ForwardingExecutionContext implements ExecutionContext {

    private final ExecutionContext delegate;

    ForwardingExecutionContext(ExecutionContext delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean isCancelled() {
        return delegate.isCancelled();
    }

    @Override
    public void initProgress(long steps) {
        delegate.initProgress(steps);
    }

    @Override
    public void incrementProgress(long steps) {
        delegate.incrementProgress(steps);
    }

    @Override
    public void estimateRemaining(java.time.Duration remaining) {
        delegate.estimateRemaining(remaining);
    }

    @Override
    public void log(org.campus.spi.LogLevel level, String message, Object... arguments) {
        delegate.log(level, message, arguments);
    }

    @Override
    public void heartbeat() {
        delegate.heartbeat();
    }

    @Override
    public UndoRecordBuilder undoRecord(String itemId) {
        return delegate.undoRecord(itemId);
    }

    @Override
    public void prepare(UndoRecord record) {
        delegate.prepare(record);
    }

    @Override
    public void transferred(String itemId, UndoRecord record) {
        delegate.transferred(itemId, record);
    }

    @Override
    public void skipped(String itemId, String reason) {
        delegate.skipped(itemId, reason);
    }

    @Override
    public void failed(String itemId, TransferException failure, UndoRecord partial) {
        delegate.failed(itemId, failure, partial);
    }
}
