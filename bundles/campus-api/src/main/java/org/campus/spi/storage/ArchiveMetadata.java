package org.campus.spi.storage;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the core tells a driver about an object it stores. Built by the core with
 * {@link #builder(String)}; a driver only reads it. A driver keeps what it needs to answer
 * privacy requests (the course, the data subjects) with the object.
 */
public final class ArchiveMetadata {

    private final String name;
    private final String contentType;
    private final long size;
    private final String sha256;
    private final String jobId;
    private final String courseId;
    private final Instant created;
    private final Set<String> dataSubjects;
    private final Map<String, String> properties;

    private ArchiveMetadata(Builder b) {
        this.name = b.name;
        this.contentType = b.contentType;
        this.size = b.size;
        this.sha256 = b.sha256;
        this.jobId = b.jobId;
        this.courseId = b.courseId;
        this.created = b.created;
        this.dataSubjects = Collections.unmodifiableSet(new TreeSet<>(b.dataSubjects));
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
    }

    /** The object's {@linkplain ArchiveNames archive name}; drivers check it with {@link ArchiveNames#check}. */
    public String name() {
        return name;
    }

    /** The media type, e.g. {@code application/gzip}; {@code application/octet-stream} when not given. */
    public String contentType() {
        return contentType;
    }

    /** The exact size in bytes, or {@code -1} when unknown. */
    public long size() {
        return size;
    }

    /** The SHA-256 of the bytes as 64 lower-case hex digits, or {@code null} when unknown. */
    public String sha256() {
        return sha256;
    }

    /** The Campus job that made the object, or {@code null}. */
    public String jobId() {
        return jobId;
    }

    /** The LMS course the object belongs to, or {@code null}. */
    public String courseId() {
        return courseId;
    }

    public Instant created() {
        return created;
    }

    /** The LMS user ids whose personal data the object holds (may be empty), for privacy requests. */
    public Set<String> dataSubjects() {
        return dataSubjects;
    }

    /** Further properties (retention, policy names); keys and values are plain strings. */
    public Map<String, String> properties() {
        return properties;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    @Override
    public String toString() {
        return "ArchiveMetadata[" + name + ", job " + jobId + ", course " + courseId + ", " + size + " bytes]";
    }

    /** Builds the metadata of one object. */
    public static final class Builder {
        private final String name;
        private String contentType = "application/octet-stream";
        private long size = -1;
        private String sha256;
        private String jobId;
        private String courseId;
        private Instant created = Instant.now();
        private final Set<String> dataSubjects = new TreeSet<>();
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder contentType(String contentType) {
            this.contentType = Objects.requireNonNull(contentType, "contentType");
            return this;
        }

        /** @param size the exact size, or {@code -1} */
        public Builder size(long size) {
            if (size < -1) {
                throw new IllegalArgumentException("size " + size);
            }
            this.size = size;
            return this;
        }

        /** @param sha256 64 hex digits, or {@code null} */
        public Builder sha256(String sha256) {
            if (sha256 != null && !sha256.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("a SHA-256 is 64 hex digits");
            }
            this.sha256 = sha256 == null ? null : sha256.toLowerCase(java.util.Locale.ROOT);
            return this;
        }

        public Builder jobId(String jobId) {
            this.jobId = jobId;
            return this;
        }

        public Builder courseId(String courseId) {
            this.courseId = courseId;
            return this;
        }

        public Builder created(Instant created) {
            this.created = Objects.requireNonNull(created, "created");
            return this;
        }

        public Builder dataSubjects(java.util.Collection<String> userIds) {
            userIds.forEach(u -> dataSubjects.add(Objects.requireNonNull(u, "user id")));
            return this;
        }

        public Builder property(String key, String value) {
            properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public ArchiveMetadata build() {
            return new ArchiveMetadata(this);
        }
    }
}
