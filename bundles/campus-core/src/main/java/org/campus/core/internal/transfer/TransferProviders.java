package org.campus.core.internal.transfer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import org.campus.spi.transfer.TransferProvider;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transfer providers registered now, by their {@link TransferProvider#PROPERTY_ID id}, as they
 * come and go. A provider without an id, or with an id another one holds, is left out (and logged);
 * the providers overview shows it as down.
 */
@Component(service = TransferProviders.class)
public class TransferProviders {

    /** A registered provider with what its service properties say. */
    public record Registered(String id, String title, boolean undo, TransferProvider provider) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(TransferProviders.class);

    private final Map<String, Registered> byId = new ConcurrentSkipListMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindProvider(TransferProvider provider, Map<String, Object> properties) {
        Object id = properties.get(TransferProvider.PROPERTY_ID);
        if (!(id instanceof String s) || s.isBlank()) {
            LOG.warn("A transfer provider without {} is left out: {}", TransferProvider.PROPERTY_ID, provider);
            return;
        }
        Object undo = properties.get(TransferProvider.PROPERTY_UNDO);
        Object title = properties.get(TransferProvider.PROPERTY_TITLE);
        Registered r = new Registered(s, title instanceof String t ? t : null,
                Boolean.TRUE.equals(undo) || "true".equals(undo), provider);
        if (byId.putIfAbsent(s, r) != null) {
            LOG.warn("A second transfer provider with id {} is left out", s);
        }
    }

    void unbindProvider(TransferProvider provider, Map<String, Object> properties) {
        byId.values().removeIf(r -> r.provider() == provider);
    }

    /** For tests outside OSGi. */
    public void add(String id, String title, boolean undo, TransferProvider provider) {
        byId.put(id, new Registered(id, title, undo, provider));
    }

    /** For tests outside OSGi. */
    public void remove(String id) {
        byId.remove(id);
    }

    /** Every provider, by id. */
    public List<Registered> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Registered> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
