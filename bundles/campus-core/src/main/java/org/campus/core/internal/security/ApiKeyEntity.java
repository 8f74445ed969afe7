package org.campus.core.internal.security;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

@Entity
@Table(name = "api_key")
public class ApiKeyEntity {

    @Id
    @Column(name = "id", length = 32)
    private String id;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "key_prefix", length = 64)
    private String prefix;

    @Column(name = "key_hash", nullable = false, length = 255)
    private String hash;

    @Column(name = "scopes", nullable = false, length = 2000)
    private String scopes;

    @Column(name = "time_created", nullable = false)
    private long timeCreated;

    @Column(name = "time_rotated")
    private Long timeRotated;

    @Column(name = "time_revoked")
    private Long timeRevoked;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getPrefix() { return prefix; }
    public void setPrefix(String prefix) { this.prefix = prefix; }
    public String getHash() { return hash; }
    public void setHash(String hash) { this.hash = hash; }
    public String getScopes() { return scopes; }
    public void setScopes(String scopes) { this.scopes = scopes; }
    public long getTimeCreated() { return timeCreated; }
    public void setTimeCreated(long timeCreated) { this.timeCreated = timeCreated; }
    public Long getTimeRotated() { return timeRotated; }
    public void setTimeRotated(Long timeRotated) { this.timeRotated = timeRotated; }
    public Long getTimeRevoked() { return timeRevoked; }
    public void setTimeRevoked(Long timeRevoked) { this.timeRevoked = timeRevoked; }
    public long getVersion() { return version; }
}
