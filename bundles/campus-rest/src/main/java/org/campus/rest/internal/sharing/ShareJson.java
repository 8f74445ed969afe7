package org.campus.rest.internal.sharing;

import org.campus.api.Page;
import org.campus.api.sharing.ShareProgress;
import org.campus.api.sharing.ShareStatusChange;
import org.campus.rest.internal.http.Json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Share progress values as the API's JSON. */
final class ShareJson {

    private final Json json;

    ShareJson(Json json) {
        this.json = json;
    }

    ObjectNode share(ShareProgress s) {
        ObjectNode n = json.object();
        n.put("id", s.id());
        n.put("courseId", s.courseId());
        n.put("userId", s.userId());
        n.put("type", s.type().code());
        if (s.cmId() == null) {
            n.putNull("cmId");
        } else {
            n.put("cmId", s.cmId());
        }
        n.put("status", s.status().code());
        n.put("resourceUrl", s.resourceUrl());
        n.put("errorMessage", s.errorMessage());
        n.put("timeCreated", s.timeCreated().toString());
        n.put("timeModified", s.timeModified().toString());
        n.put("sourceDeleted", s.sourceDeleted());
        n.put("timeSourceDeleted", s.timeSourceDeleted() == null ? null : s.timeSourceDeleted().toString());
        n.put("version", s.version());
        return n;
    }

    ObjectNode page(Page<ShareProgress> page) {
        ObjectNode n = json.object();
        ArrayNode items = n.putArray("items");
        page.items().forEach(s -> items.add(share(s)));
        n.put("next", page.next());
        return n;
    }

    ObjectNode change(ShareStatusChange c) {
        ObjectNode n = json.object();
        n.put("status", c.status().code());
        n.put("time", c.time().toString());
        n.put("resourceUrl", c.resourceUrl());
        n.put("message", c.message());
        return n;
    }
}
