package org.campus.core.internal.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.campus.api.InvalidInputException;
import org.campus.api.privacy.ErasureReport;
import org.campus.api.privacy.PersonalData;
import org.campus.api.privacy.PrivacyProvider;
import org.campus.api.privacy.PrivacyService;
import org.campus.api.privacy.ProviderInfo;
import org.campus.core.internal.event.Events;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Aggregates every registered {@link PrivacyProvider}, as they come and go. */
@Component(service = PrivacyService.class)
public class PrivacyServiceImpl implements PrivacyService {

    private static final Logger AUDIT = LoggerFactory.getLogger("campus.audit");

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<PrivacyProvider> providers = List.of();

    private final Events events;

    @Activate
    public PrivacyServiceImpl(@Reference Events events) {
        this.events = events;
    }

    PrivacyServiceImpl(Events events, List<PrivacyProvider> providers) {
        this.events = events;
        this.providers = providers;
    }

    private List<PrivacyProvider> sorted() {
        List<PrivacyProvider> list = new ArrayList<>(providers);
        list.sort(Comparator.comparing(PrivacyProvider::name));
        return list;
    }

    @Override
    public List<ProviderInfo> providers() {
        return sorted().stream().map(p -> new ProviderInfo(p.name(), p.description())).collect(Collectors.toList());
    }

    @Override
    public List<PersonalData> exportUser(String userId) {
        String id = requireId("userId", userId);
        AUDIT.info("personal data of user {} exported", id);
        return sorted().stream().map(p -> p.exportUser(id)).collect(Collectors.toList());
    }

    @Override
    public ErasureReport deleteUser(String userId) {
        String id = requireId("userId", userId);
        Map<String, Integer> deleted = new LinkedHashMap<>();
        for (PrivacyProvider p : sorted()) {
            deleted.put(p.name(), p.deleteUser(id));
        }
        ErasureReport report = new ErasureReport(deleted);
        AUDIT.info("personal data of user {} deleted: {}", id, deleted);
        events.post(TOPIC_USER_DELETED, "userId", id, "count", report.total());
        return report;
    }

    @Override
    public ErasureReport deleteCourse(String courseId) {
        String id = requireId("courseId", courseId);
        Map<String, Integer> deleted = new LinkedHashMap<>();
        for (PrivacyProvider p : sorted()) {
            deleted.put(p.name(), p.deleteCourse(id));
        }
        ErasureReport report = new ErasureReport(deleted);
        AUDIT.info("data of course {} purged: {}", id, deleted);
        events.post(TOPIC_COURSE_DELETED, "courseId", id, "count", report.total());
        return report;
    }

    private static String requireId(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        if (value.length() > 255) {
            throw new InvalidInputException(field, "is longer than 255 characters");
        }
        // no trimming: "7\n" must not erase user 7's data, so such an id is refused rather than cleaned
        if (!value.equals(value.strip()) || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field, "must not hold control characters or surrounding white space");
        }
        return value;
    }
}
