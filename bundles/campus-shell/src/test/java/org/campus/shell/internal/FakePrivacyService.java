package org.campus.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.campus.api.privacy.ErasureReport;
import org.campus.api.privacy.PersonalData;
import org.campus.api.privacy.PrivacyService;
import org.campus.api.privacy.ProviderInfo;

/** A privacy service with canned answers that records what it was asked to delete. */
final class FakePrivacyService implements PrivacyService {

    List<ProviderInfo> providers = List.of();
    List<PersonalData> export = List.of();
    ErasureReport report = new ErasureReport(Map.of());
    final List<String> calls = new ArrayList<>();

    @Override
    public List<ProviderInfo> providers() {
        return providers;
    }

    @Override
    public List<PersonalData> exportUser(String userId) {
        calls.add("exportUser " + userId);
        return export;
    }

    @Override
    public ErasureReport deleteUser(String userId) {
        calls.add("deleteUser " + userId);
        return report;
    }

    @Override
    public ErasureReport deleteCourse(String courseId) {
        calls.add("deleteCourse " + courseId);
        return report;
    }
}
