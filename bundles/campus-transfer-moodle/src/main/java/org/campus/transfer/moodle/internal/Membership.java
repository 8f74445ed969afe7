package org.campus.transfer.moodle.internal;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One account's membership of one course: whether it is (actively) enrolled, and its roles and
 * groups there, by Moodle id.
 */
record Membership(boolean enrolled, SortedSet<Long> roles, SortedSet<Long> groups) {

    static final Membership NONE = new Membership(false, new TreeSet<>(), new TreeSet<>());

    Membership {
        roles = Collections.unmodifiableSortedSet(new TreeSet<>(roles));
        groups = Collections.unmodifiableSortedSet(new TreeSet<>(groups));
    }

    /** Anything at all in the course (an enrolment, or a role or group without one). */
    boolean present() {
        return enrolled || !roles.isEmpty() || !groups.isEmpty();
    }

    Membership union(Membership other) {
        SortedSet<Long> r = new TreeSet<>(roles);
        r.addAll(other.roles);
        SortedSet<Long> g = new TreeSet<>(groups);
        g.addAll(other.groups);
        return new Membership(enrolled || other.enrolled, r, g);
    }

    Membership withEnrolment(boolean enrolled) {
        return new Membership(enrolled, roles, groups);
    }

    Membership withRole(long roleId) {
        SortedSet<Long> r = new TreeSet<>(roles);
        r.add(roleId);
        return new Membership(enrolled, r, groups);
    }

    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("enrolled", enrolled);
        roles.forEach(node.putArray("roles")::add);
        groups.forEach(node.putArray("groups")::add);
        return node;
    }

    static Membership fromJson(JsonNode node) {
        SortedSet<Long> r = new TreeSet<>();
        node.path("roles").forEach(n -> r.add(n.asLong()));
        SortedSet<Long> g = new TreeSet<>();
        node.path("groups").forEach(n -> g.add(n.asLong()));
        return new Membership(node.path("enrolled").asBoolean(), r, g);
    }
}
