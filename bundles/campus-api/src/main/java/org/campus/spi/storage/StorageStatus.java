package org.campus.spi.storage;

/**
 * Reachability and space of a store, for the overviews.
 *
 * @param freeBytes usable space left, or {@code -1} when the store cannot tell (or has no limit)
 * @param totalBytes capacity, or {@code -1} when unknown
 * @param detail one sentence for people (why it is unreachable, where it is), or {@code null}
 */
public record StorageStatus(boolean reachable, long freeBytes, long totalBytes, String detail) {

    public static StorageStatus reachable(long freeBytes, long totalBytes, String detail) {
        return new StorageStatus(true, freeBytes, totalBytes, detail);
    }

    public static StorageStatus unreachable(String detail) {
        return new StorageStatus(false, -1, -1, detail);
    }
}
