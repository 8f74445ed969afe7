package org.campus.core.internal.event;

import java.util.HashMap;
import java.util.Map;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Posts Campus events asynchronously; properties are plain values, never entities. */
public final class Events {

    private final EventAdmin eventAdmin;

    public Events(EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    public void post(String topic, Object... keyValues) {
        Map<String, Object> properties = new HashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                properties.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        eventAdmin.postEvent(new Event(topic, properties));
    }
}
