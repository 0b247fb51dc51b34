package org.herald.incident;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One security event affecting personal data: the facts every legal clock starts from, the six
 * content elements of its notices, what was exposed, and where it stands in its {@link Lifecycle}.
 */
@Entity
@Table(name = "incident")
public class Incident {

    @Id
    private UUID id;
    @Column(nullable = false, updatable = false)
    private String reference;
    @Column(nullable = false)
    private String title;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Severity severity;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private IncidentStatus status;

    @ElementCollection
    @CollectionTable(name = "incident_breach_type", joinColumns = @JoinColumn(name = "incident_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "breach_type")
    private Set<BreachType> breachTypes = new HashSet<>();
    @Enumerated(EnumType.STRING)
    @Column(name = "cause_family")
    private CauseFamily causeFamily;
    @Enumerated(EnumType.STRING)
    @Column(name = "discovery_method")
    private DiscoveryMethod discoveryMethod;
    @Column(name = "discovery_notes")
    private String discoveryNotes;

    @Column(name = "occurred_from")
    private Instant occurredFrom;
    @Enumerated(EnumType.STRING)
    @Column(name = "occurred_from_precision")
    private TimePrecision occurredFromPrecision;
    @Column(name = "occurred_to")
    private Instant occurredTo;
    @Enumerated(EnumType.STRING)
    @Column(name = "occurred_to_precision")
    private TimePrecision occurredToPrecision;
    @Column(name = "detected_at")
    private Instant detectedAt;
    @Column(name = "aware_at")
    private Instant awareAt;
    @Column(name = "contained_at")
    private Instant containedAt;

    @ElementCollection
    @CollectionTable(name = "incident_system", joinColumns = @JoinColumn(name = "incident_id"))
    @Column(name = "name")
    private Set<String> systems = new HashSet<>();
    @ElementCollection
    @CollectionTable(name = "incident_data_category", joinColumns = @JoinColumn(name = "incident_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "category")
    private Set<DataCategory> dataCategories = new HashSet<>();
    @Enumerated(EnumType.STRING)
    private EncryptionState encryption;
    @Enumerated(EnumType.STRING)
    private Exfiltration exfiltration;
    @Column(name = "estimated_subjects")
    private Long estimatedSubjects;
    @Column(name = "estimated_records")
    private Long estimatedRecords;

    @ElementCollection
    @CollectionTable(name = "incident_content", joinColumns = @JoinColumn(name = "incident_id"))
    @MapKeyColumn(name = "locale")
    private Map<String, IncidentContent> content = new HashMap<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "org_role")
    private OrganisationRole orgRole;
    /** Comma-separated country codes; {@code null} inherits the configuration, empty means "none". */
    @Column(name = "org_countries")
    private String orgCountries;
    @Column(name = "org_hipaa_covered_entity")
    private Boolean orgHipaaCoveredEntity;
    @Column(name = "org_listed_company")
    private Boolean orgListedCompany;
    @Column(name = "org_critical_infrastructure")
    private Boolean orgCriticalInfrastructure;
    @Column(name = "org_dfs_regulated")
    private Boolean orgDfsRegulated;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;
    @Version
    private long version;

    protected Incident() {
    }

    /** A new draft: in the first minutes of a breach a title is all anyone can be asked for. */
    public Incident(UUID id, String reference, String title, Severity severity, String createdBy, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.reference = Objects.requireNonNull(reference);
        this.title = Objects.requireNonNull(title);
        this.severity = severity == null ? Severity.MEDIUM : severity;
        this.status = IncidentStatus.DRAFT;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
        this.statusChangedAt = now;
    }

    // ---- recording facts ---------------------------------------------------------------------
    // Each method leaves the incident (and its version) untouched when nothing actually changes.

    public void retitle(String title, Severity severity, Instant now) {
        requireEditable();
        Objects.requireNonNull(title);
        Objects.requireNonNull(severity);
        if (!title.equals(this.title) || severity != this.severity) {
            this.title = title;
            this.severity = severity;
            this.updatedAt = now;
        }
    }

    public void classify(Set<BreachType> breachTypes, CauseFamily causeFamily, DiscoveryMethod discoveryMethod,
            String discoveryNotes, Instant now) {
        requireEditable();
        String notes = discoveryNotes == null || discoveryNotes.isBlank() ? null : discoveryNotes;
        boolean changed = replace(this.breachTypes, breachTypes);
        if (causeFamily != this.causeFamily || discoveryMethod != this.discoveryMethod
                || !Objects.equals(notes, this.discoveryNotes)) {
            this.causeFamily = causeFamily;
            this.discoveryMethod = discoveryMethod;
            this.discoveryNotes = notes;
            changed = true;
        }
        touchedIf(changed, now);
    }

    /** Records the times that start legal clocks; their order is checked by {@link TimeOrder} first. */
    public void recordTimes(PartialTime occurredFrom, PartialTime occurredTo, Instant detectedAt, Instant awareAt,
            Instant containedAt, Instant now) {
        requireEditable();
        if (Objects.equals(occurredFrom, occurredFrom()) && Objects.equals(occurredTo, occurredTo())
                && Objects.equals(detectedAt, this.detectedAt) && Objects.equals(awareAt, this.awareAt)
                && Objects.equals(containedAt, this.containedAt)) {
            return;
        }
        this.occurredFrom = occurredFrom == null ? null : occurredFrom.start();
        this.occurredFromPrecision = occurredFrom == null ? null : occurredFrom.precision();
        this.occurredTo = occurredTo == null ? null : occurredTo.start();
        this.occurredToPrecision = occurredTo == null ? null : occurredTo.precision();
        this.detectedAt = detectedAt;
        this.awareAt = awareAt;
        this.containedAt = containedAt;
        this.updatedAt = now;
    }

    public void recordExposure(Collection<String> systems, Set<DataCategory> dataCategories, EncryptionState encryption,
            Exfiltration exfiltration, Long estimatedSubjects, Long estimatedRecords, Instant now) {
        requireEditable();
        boolean changed = replace(this.systems, systems == null ? null
                : systems.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
        changed |= replace(this.dataCategories, dataCategories);
        if (encryption != this.encryption || exfiltration != this.exfiltration
                || !Objects.equals(estimatedSubjects, this.estimatedSubjects)
                || !Objects.equals(estimatedRecords, this.estimatedRecords)) {
            this.encryption = encryption;
            this.exfiltration = exfiltration;
            this.estimatedSubjects = estimatedSubjects;
            this.estimatedRecords = estimatedRecords;
            changed = true;
        }
        touchedIf(changed, now);
    }

    /** Replaces the notice content; a locale whose elements are all empty is dropped. */
    public void writeContent(Map<String, IncidentContent> byLocale, Instant now) {
        requireEditable();
        Map<String, IncidentContent> wanted = new HashMap<>();
        if (byLocale != null) {
            byLocale.forEach((locale, c) -> {
                if (c != null && !c.isEmpty()) {
                    wanted.put(locale, c);
                }
            });
        }
        boolean changed = content.keySet().removeIf(locale -> !wanted.containsKey(locale));
        for (Map.Entry<String, IncidentContent> e : wanted.entrySet()) {
            if (!e.getValue().equals(content.get(e.getKey()))) {
                content.put(e.getKey(), e.getValue());
                changed = true;
            }
        }
        touchedIf(changed, now);
    }

    public void overrideOrganisation(OrganisationOverride o, Instant now) {
        requireEditable();
        OrganisationOverride v = o == null ? OrganisationOverride.NONE : o;
        if (v.equals(organisationOverride())) {
            return;
        }
        this.orgRole = v.role();
        this.orgCountries = v.establishmentCountries() == null ? null : String.join(",", v.establishmentCountries());
        this.orgHipaaCoveredEntity = v.hipaaCoveredEntity();
        this.orgListedCompany = v.listedCompany();
        this.orgCriticalInfrastructure = v.criticalInfrastructure();
        this.orgDfsRegulated = v.dfsRegulated();
        this.updatedAt = now;
    }

    /** Closed incidents are evidence: reopen one before changing it. */
    public boolean isEditable() {
        return status != IncidentStatus.CLOSED;
    }

    private void requireEditable() {
        if (!isEditable()) {
            throw new IllegalStateException("Incident " + id + " is closed; reopen it before changing it");
        }
    }

    private void touchedIf(boolean changed, Instant now) {
        if (changed) {
            this.updatedAt = now;
        }
    }

    /** Makes {@code target} hold exactly {@code values}; says whether that changed it. */
    private static <T> boolean replace(Set<T> target, Collection<T> values) {
        Set<T> wanted = values == null ? Set.of() : new HashSet<>(values);
        if (target.equals(wanted)) {
            return false;
        }
        target.retainAll(wanted);
        target.addAll(wanted);
        return true;
    }

    // ---- lifecycle ---------------------------------------------------------------------------

    /** DRAFT → ASSESSING: the facts are down, the assessment starts. */
    public void startAssessment(Instant at) {
        move(IncidentStatus.DRAFT, IncidentStatus.ASSESSING, at);
    }

    /** ASSESSING → NOTIFYING: notices and reports go out. */
    public void startNotifying(Instant at) {
        move(IncidentStatus.ASSESSING, IncidentStatus.NOTIFYING, at);
    }

    /** NOTIFYING → MONITORING: everyone owed a notice has been told. */
    public void startMonitoring(Instant at) {
        move(IncidentStatus.NOTIFYING, IncidentStatus.MONITORING, at);
    }

    /** MONITORING → CLOSED. */
    public void close(Instant at) {
        move(IncidentStatus.MONITORING, IncidentStatus.CLOSED, at);
    }

    /** MONITORING or CLOSED → ASSESSING: new facts came to light. */
    public void reopen(Instant at) {
        if (status != IncidentStatus.MONITORING && status != IncidentStatus.CLOSED) {
            throw new IllegalStateException("Incident " + id + " is " + status + "; only MONITORING or CLOSED reopen");
        }
        status = IncidentStatus.ASSESSING;
        statusChangedAt = at;
        updatedAt = at;
    }

    private void move(IncidentStatus from, IncidentStatus to, Instant at) {
        if (status != from) {
            throw new IllegalStateException("Incident " + id + " is " + status + ", not " + from);
        }
        status = to;
        statusChangedAt = at;
        updatedAt = at;
    }

    // ---- reading -----------------------------------------------------------------------------

    public UUID id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public String title() {
        return title;
    }

    public Severity severity() {
        return severity;
    }

    public IncidentStatus status() {
        return status;
    }

    public SortedSet<BreachType> breachTypes() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(breachTypes));
    }

    public CauseFamily causeFamily() {
        return causeFamily;
    }

    public DiscoveryMethod discoveryMethod() {
        return discoveryMethod;
    }

    public String discoveryNotes() {
        return discoveryNotes;
    }

    public PartialTime occurredFrom() {
        return occurredFrom == null ? null : new PartialTime(occurredFrom, occurredFromPrecision);
    }

    public PartialTime occurredTo() {
        return occurredTo == null ? null : new PartialTime(occurredTo, occurredToPrecision);
    }

    public Instant detectedAt() {
        return detectedAt;
    }

    /** When the organisation became aware: the GDPR's 72 hours run from here. */
    public Instant awareAt() {
        return awareAt;
    }

    public Instant containedAt() {
        return containedAt;
    }

    /** The affected systems by name, sorted; subject holdings refer to the same names. */
    public SortedSet<String> systems() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(systems));
    }

    public Set<DataCategory> dataCategories() {
        return dataCategories.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(DataCategory.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(dataCategories));
    }

    public EncryptionState encryption() {
        return encryption;
    }

    public Exfiltration exfiltration() {
        return exfiltration;
    }

    public Long estimatedSubjects() {
        return estimatedSubjects;
    }

    public Long estimatedRecords() {
        return estimatedRecords;
    }

    /** The notice content by locale tag, sorted by tag. */
    public SortedMap<String, IncidentContent> content() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(content));
    }

    public OrganisationOverride organisationOverride() {
        List<String> countries = orgCountries == null ? null
                : orgCountries.isEmpty() ? List.of() : Arrays.asList(orgCountries.split(","));
        return new OrganisationOverride(orgRole, countries, orgHipaaCoveredEntity, orgListedCompany,
                orgCriticalInfrastructure, orgDfsRegulated);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant statusChangedAt() {
        return statusChangedAt;
    }

    public long version() {
        return version;
    }

    @Override
    public String toString() {
        return "Incident[" + id + " " + reference + "]";
    }
}
