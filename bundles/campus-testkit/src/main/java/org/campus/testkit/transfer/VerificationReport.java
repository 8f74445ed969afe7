package org.campus.testkit.transfer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.campus.spi.transfer.ObjectFate;

/**
 * What a provider reported in a verification, summed up as the core does.
 *
 * @param objects every object reported, in report order
 * @param itemsWithoutObjects selected items for which no object was reported (the core flags them)
 */
public record VerificationReport(List<ObjectReport> objects, Set<String> itemsWithoutObjects) {

    public VerificationReport {
        objects = List.copyOf(objects);
        itemsWithoutObjects = Set.copyOf(itemsWithoutObjects);
    }

    /** One reported object. */
    public record ObjectReport(String itemId, String objectType, String objectId, ObjectFate expected,
            ObjectFate actual, String detail) {

        public boolean matches() {
            return expected == actual;
        }
    }

    /** The actual fates of one object type. */
    public record Counts(int moved, int stayed, int removed, int lost) {

        public int total() {
            return moved + stayed + removed + lost;
        }

        Counts plus(ObjectFate fate) {
            return switch (fate) {
                case MOVED -> new Counts(moved + 1, stayed, removed, lost);
                case STAYED -> new Counts(moved, stayed + 1, removed, lost);
                case REMOVED -> new Counts(moved, stayed, removed + 1, lost);
                case LOST -> new Counts(moved, stayed, removed, lost + 1);
            };
        }
    }

    /** Actual fates per object type, sorted by type. */
    public Map<String, Counts> counts() {
        Map<String, Counts> counts = new TreeMap<>();
        for (ObjectReport object : objects) {
            counts.merge(object.objectType(), new Counts(0, 0, 0, 0).plus(object.actual()),
                    (a, b) -> new Counts(a.moved() + b.moved(), a.stayed() + b.stayed(), a.removed() + b.removed(),
                            a.lost() + b.lost()));
        }
        return counts;
    }

    /** The counts of one object type (all zero if none was reported). */
    public Counts counts(String objectType) {
        return counts().getOrDefault(objectType, new Counts(0, 0, 0, 0));
    }

    /** The objects whose actual fate differs from the expected one. */
    public List<ObjectReport> findings() {
        return objects.stream().filter(o -> !o.matches()).toList();
    }

    /** True when it adds up: every object where the transfer meant it, nothing lost, every item reported. */
    public boolean consistent() {
        return findings().isEmpty() && itemsWithoutObjects.isEmpty()
                && objects.stream().noneMatch(o -> o.actual() == ObjectFate.LOST);
    }
}
