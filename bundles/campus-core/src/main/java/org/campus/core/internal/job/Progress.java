package org.campus.core.internal.job;

/**
 * What a running attempt reports about its progress.
 *
 * @param estimatedEnd epoch milliseconds, or {@code null}
 */
record Progress(int stepsTotal, int stepsDone, String currentStep, Long estimatedEnd) {

    static final Progress NONE = new Progress(0, 0, null, null);

    /** 0 to 100; 0 while no total is known. */
    int percent() {
        if (stepsTotal <= 0) {
            return 0;
        }
        return (int) Math.min(100, (long) Math.min(stepsDone, stepsTotal) * 100 / stepsTotal);
    }
}
