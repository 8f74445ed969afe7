package org.campus.storage.filesystem.internal;

import java.lang.annotation.Annotation;
import java.nio.file.Path;

/** A configuration of the driver for tests. */
final class TestConfig {

    private TestConfig() {
    }

    static FilesystemStorageConfig of(Path base, String userArchives, int lowSpacePercent) {
        return new FilesystemStorageConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return FilesystemStorageConfig.class;
            }

            @Override
            public String storage_id() {
                return "test-fs";
            }

            @Override
            public String storage_title() {
                return "Test disk";
            }

            @Override
            public String base_dir() {
                return base == null ? null : base.toString();
            }

            @Override
            public boolean fsync() {
                return true;
            }

            @Override
            public int lowSpacePercent() {
                return lowSpacePercent;
            }

            @Override
            public String privacy_userArchives() {
                return userArchives;
            }
        };
    }
}
