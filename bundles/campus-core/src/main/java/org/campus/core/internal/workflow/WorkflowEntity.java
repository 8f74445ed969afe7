package org.campus.core.internal.workflow;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** A stored, immutable workflow definition (as DCWorkflow XML). */
@Entity
@Table(name = "workflow")
public class WorkflowEntity {

    @Id
    @SequenceGenerator(name = "workflow", sequenceName = "workflow_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "workflow")
    private Long id;

    @Column(name = "workflow_key", length = 255)
    private String key;

    @Column(name = "title", length = 255)
    private String title;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "definition_xml", nullable = false)
    private String definitionXml;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "warnings")
    private String warnings;

    @Column(name = "time_created", nullable = false)
    private long timeCreated;

    @Column(name = "family_id", nullable = false)
    private long familyId;

    @Column(name = "version", nullable = false)
    private int version;

    public Long getId() { return id; }
    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDefinitionXml() { return definitionXml; }
    public void setDefinitionXml(String definitionXml) { this.definitionXml = definitionXml; }
    public String getWarnings() { return warnings; }
    public void setWarnings(String warnings) { this.warnings = warnings; }
    public long getTimeCreated() { return timeCreated; }
    public void setTimeCreated(long timeCreated) { this.timeCreated = timeCreated; }
    public long getFamilyId() { return familyId; }
    public void setFamilyId(long familyId) { this.familyId = familyId; }
    /** The number within the family (not an optimistic-locking version: stored workflows never change). */
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
}
