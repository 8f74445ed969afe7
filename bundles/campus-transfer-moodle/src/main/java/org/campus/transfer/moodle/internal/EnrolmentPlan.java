package org.campus.transfer.moodle.internal;

import java.util.Map;
import java.util.TreeMap;

import org.campus.spi.transfer.Resolution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the transfer of one course enrolment does: the two accounts' memberships before and after.
 * It is the undo record's data (format 1), written before anything changes, so that undo (and a
 * resumed transfer) restore the exact state before, whatever happened in between.
 */
record EnrolmentPlan(long courseId, long sourceId, long targetId, Resolution resolution, Membership sourceBefore,
        Membership targetBefore, Membership sourceAfter, Membership targetAfter, Map<Long, String> roleNames,
        Map<Long, String> groupNames) {

    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    EnrolmentPlan {
        roleNames = Map.copyOf(roleNames);
        groupNames = Map.copyOf(groupNames);
    }

    /** The plan for a course as it is now, under a resolution (null: the item has no conflict). */
    static EnrolmentPlan of(CourseState before, long sourceId, long targetId, Resolution resolution) {
        Membership source = before.source();
        Membership target = before.target();
        Membership targetAfter;
        if (resolution == null || resolution == Resolution.KEEP_SOURCE) {
            targetAfter = source.withEnrolment(true);
        } else if (resolution == Resolution.KEEP_TARGET) {
            targetAfter = target;
        } else if (resolution == Resolution.MERGE) {
            targetAfter = target.union(source).withEnrolment(true);
        } else {
            throw new IllegalArgumentException(resolution + " is not offered for course enrolments");
        }
        return new EnrolmentPlan(before.courseId(), sourceId, targetId, resolution, source, target, Membership.NONE,
                targetAfter, before.roleNames(), before.groupNames());
    }

    CourseState beforeState() {
        return new CourseState(courseId, sourceBefore, targetBefore, roleNames, groupNames);
    }

    CourseState afterState() {
        return new CourseState(courseId, sourceAfter, targetAfter, roleNames, groupNames);
    }

    String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("course", courseId);
        node.put("source", sourceId);
        node.put("target", targetId);
        node.put("resolution", resolution == null ? null : resolution.name());
        ObjectNode before = node.putObject("before");
        before.set("source", sourceBefore.toJson());
        before.set("target", targetBefore.toJson());
        ObjectNode after = node.putObject("after");
        after.set("source", sourceAfter.toJson());
        after.set("target", targetAfter.toJson());
        ObjectNode roles = node.putObject("roleNames");
        roleNames.forEach((id, name) -> roles.put(String.valueOf(id), name));
        ObjectNode groups = node.putObject("groupNames");
        groupNames.forEach((id, name) -> groups.put(String.valueOf(id), name));
        return node.toString();
    }

    static EnrolmentPlan fromJson(String data) {
        JsonNode node;
        try {
            node = JSON.readTree(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an enrolment undo record: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.has("course") || !node.has("before") || !node.has("after")) {
            throw new IllegalArgumentException("not an enrolment undo record");
        }
        String resolution = node.path("resolution").isNull() ? null : node.path("resolution").asText(null);
        return new EnrolmentPlan(node.path("course").asLong(), node.path("source").asLong(),
                node.path("target").asLong(), resolution == null ? null : Resolution.valueOf(resolution),
                Membership.fromJson(node.path("before").path("source")),
                Membership.fromJson(node.path("before").path("target")),
                Membership.fromJson(node.path("after").path("source")),
                Membership.fromJson(node.path("after").path("target")), names(node.path("roleNames")),
                names(node.path("groupNames")));
    }

    private static Map<Long, String> names(JsonNode node) {
        Map<Long, String> names = new TreeMap<>();
        node.fields().forEachRemaining(e -> names.put(Long.parseLong(e.getKey()), e.getValue().asText()));
        return names;
    }
}
