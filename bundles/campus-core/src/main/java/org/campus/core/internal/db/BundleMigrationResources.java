package org.campus.core.internal.db;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.osgi.framework.Bundle;

/**
 * Hands Flyway the migration scripts of a bundle straight from its entries, so that no class path
 * scanning has to understand OSGi bundle URLs. Takes several folders (the common migrations and
 * those of one database vendor).
 */
final class BundleMigrationResources implements ResourceProvider {

    private final List<LoadableResource> resources = new ArrayList<>();

    BundleMigrationResources(Bundle bundle, List<String> folders) {
        for (String folder : folders) {
            Enumeration<URL> entries = bundle.findEntries(folder, "*.sql", false);
            if (entries != null) {
                for (URL url : Collections.list(entries)) {
                    String path = url.getPath();
                    resources.add(new UrlResource(url, folder, path.substring(path.lastIndexOf('/') + 1)));
                }
            }
        }
        Collections.sort(resources);
    }

    @Override
    public LoadableResource getResource(String name) {
        return resources.stream().filter(r -> r.getRelativePath().equals(name)
                || r.getAbsolutePath().equals(name)).findFirst().orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> matching = new ArrayList<>();
        for (LoadableResource r : resources) {
            if (!r.getFilename().startsWith(prefix)) {
                continue;
            }
            for (String suffix : suffixes) {
                if (r.getFilename().endsWith(suffix)) {
                    matching.add(r);
                    break;
                }
            }
        }
        return matching;
    }

    private static final class UrlResource extends LoadableResource {
        private final URL url;
        private final String folder;
        private final String filename;

        UrlResource(URL url, String folder, String filename) {
            this.url = url;
            this.folder = folder;
            this.filename = filename;
        }

        @Override
        public Reader read() {
            try {
                return new InputStreamReader(url.openStream(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read migration " + url, e);
            }
        }

        @Override
        public String getAbsolutePath() {
            return folder + "/" + filename;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return url.toString();
        }

        @Override
        public String getFilename() {
            return filename;
        }

        @Override
        public String getRelativePath() {
            return filename;
        }
    }
}
