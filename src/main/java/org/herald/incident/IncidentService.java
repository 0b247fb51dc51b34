package org.herald.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.herald.audit.AuditEntry;
import org.herald.audit.AuditEntryRepository;
import org.herald.audit.AuditLog;
import org.herald.security.Role;
import org.herald.shared.Page;
import org.herald.shared.problem.Problem.FieldError;
import org.herald.shared.problem.ProblemException;

/**
 * Records incidents and moves them through their lifecycle. Every change is checked, applied and
 * audited in one transaction; edits are guarded against lost updates by the incident's version.
 */
@ApplicationScoped
public class IncidentService {

    /** The audit log's entity type for incidents. */
    public static final String AUDIT_TYPE = "incident";

    private final IncidentRepository incidents;
    private final IncidentNoteRepository notes;
    private final ReferenceNumbers references;
    private final IncidentValidation validation;
    private final IncidentJson json;
    private final AuditLog audit;
    private final AuditEntryRepository auditEntries;
    private final OrganisationConfig organisation;
    private final IncidentConfig config;
    private final Instance<TransitionGuard> guards;
    private final Instance<RequiredLocales> requiredLocales;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final ObjectMapper mapper;

    IncidentService(IncidentRepository incidents, IncidentNoteRepository notes, ReferenceNumbers references,
            IncidentValidation validation, IncidentJson json, AuditLog audit, AuditEntryRepository auditEntries,
            OrganisationConfig organisation, IncidentConfig config, @Any Instance<TransitionGuard> guards,
            @Any Instance<RequiredLocales> requiredLocales, SecurityIdentity identity, Clock clock, ObjectMapper mapper) {
        this.incidents = incidents;
        this.notes = notes;
        this.references = references;
        this.validation = validation;
        this.json = json;
        this.audit = audit;
        this.auditEntries = auditEntries;
        this.organisation = organisation;
        this.config = config;
        this.guards = guards;
        this.requiredLocales = requiredLocales;
        this.identity = identity;
        this.clock = clock;
        this.mapper = mapper;
    }

    // ---- reading -----------------------------------------------------------------------------

    @Transactional
    public IncidentView view(UUID id) {
        return viewOf(find(id));
    }

    @Transactional
    public Page<IncidentSummary> list(IncidentRepository.Filter filter, Integer page, Integer size) {
        int p = Page.clampPage(page);
        int s = Page.clampSize(size);
        IncidentRepository.PageOf found = incidents.search(filter, p, s);
        return new Page<>(found.items().stream().map(IncidentSummary::of).toList(), p, s, found.total());
    }

    /** The organisation profile as configured, before any incident's overrides. */
    public OrganisationProfile configuredOrganisation() {
        return organisation.profile();
    }

    /** The organisation profile that applies to this incident: configuration plus its overrides. */
    public OrganisationProfile effectiveOrganisation(Incident incident) {
        return organisation.profile().with(incident.organisationOverride());
    }

    /**
     * The locales the incident's notices must be complete in: what the contributing features say
     * the affected subjects need, or {@code en} and every locale with content when none says.
     */
    public Set<String> requiredLocales(Incident incident) {
        Set<String> locales = new TreeSet<>();
        for (RequiredLocales contributor : requiredLocales) {
            Set<String> more = contributor.forIncident(incident.id());
            if (more != null) {
                locales.addAll(more);
            }
        }
        return locales.isEmpty() ? IncidentGuards.defaultRequiredLocales(incident) : locales;
    }

    IncidentView viewOf(Incident incident) {
        return IncidentView.of(incident, effectiveOrganisation(incident), requiredLocales(incident));
    }

    Incident find(UUID id) {
        return incidents.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Incident", id));
    }

    // ---- recording ---------------------------------------------------------------------------

    /** Records a new DRAFT incident; only the title is required. */
    @Transactional
    public IncidentView create(IncidentForm submitted) {
        if (submitted == null) {
            throw IncidentJson.invalid("body", "is required: a JSON object with at least a title");
        }
        IncidentForm form = normalised(submitted.withDefaults());
        requireValid(form);
        Instant now = now();
        String reference = references.next(now.atOffset(ZoneOffset.UTC).getYear());
        Incident incident = new Incident(UUID.randomUUID(), reference, form.title(), form.severity(), actor(), now);
        applyFacts(incident, form, now);
        incidents.persist(incident);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("reference", reference);
        summary.put("title", incident.title());
        summary.put("severity", incident.severity().name());
        List<String> given = changedFields(json.tree(blank(form)), json.tree(IncidentForm.of(incident)))
                .names();
        given.removeAll(List.of("title", "severity"));
        if (!given.isEmpty()) {
            summary.put("fields", given);
        }
        audit.record(AUDIT_TYPE, incident.id(), "created", summary);
        return viewOf(incident);
    }

    /** Applies a JSON merge patch (RFC 7386) to the incident, if it is still at {@code expectedVersion}. */
    @Transactional
    public IncidentView patch(UUID id, JsonNode mergePatch, long expectedVersion) {
        Incident incident = lockedForChange(id, expectedVersion);
        if (mergePatch == null || !mergePatch.isObject()) {
            throw IncidentJson.invalid("body", "must be a JSON object (a merge patch)");
        }
        JsonNode merged = IncidentJson.mergePatch(json.tree(IncidentForm.of(incident)), mergePatch);
        return revise(incident, json.read(merged));
    }

    /** Replaces every editable field (the console's edit form), if the incident is still at {@code expectedVersion}. */
    @Transactional
    public IncidentView replace(UUID id, IncidentForm form, long expectedVersion) {
        return revise(lockedForChange(id, expectedVersion), form);
    }

    private IncidentView revise(Incident incident, IncidentForm submitted) {
        IncidentForm form = normalised(submitted);
        requireValid(form);
        JsonNode before = json.tree(IncidentForm.of(incident));
        Instant now = now();
        incident.retitle(form.title(), form.severity(), now);
        applyFacts(incident, form, now);
        Changes changes = changedFields(before, json.tree(IncidentForm.of(incident)));
        if (!changes.isEmpty()) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("changed", changes.names());
            summary.put("before", changes.before());
            summary.put("after", changes.after());
            audit.record(AUDIT_TYPE, incident.id(), "edited", summary);
            // Flush now so the answer (and its ETag) carries the new version.
            incidents.flush();
        }
        return viewOf(incident);
    }

    private void applyFacts(Incident incident, IncidentForm form, Instant now) {
        incident.classify(form.breachTypes(), form.causeFamily(), form.discoveryMethod(), form.discoveryNotes(), now);
        incident.recordTimes(form.occurredFrom(), form.occurredTo(), form.detectedAt(), form.awareAt(),
                form.containedAt(), now);
        incident.recordExposure(form.systems(), form.dataCategories(), form.encryption(), form.exfiltration(),
                form.estimatedSubjects(), form.estimatedRecords(), now);
        Map<String, IncidentContent> content = new TreeMap<>();
        if (form.content() != null) {
            form.content().forEach((locale, c) -> content.put(locale, c.toContent()));
        }
        incident.writeContent(content, now);
        incident.overrideOrganisation(form.organisation(), now);
    }

    private Incident lockedForChange(UUID id, long expectedVersion) {
        Incident incident = incidents.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("Incident", id));
        requireVersion(incident, expectedVersion);
        if (!incident.isEditable()) {
            throw new ProblemException(409, "incident-closed", "Incident closed",
                    incident.reference() + " is closed; a privacy officer can reopen it with a reason");
        }
        return incident;
    }

    private static void requireVersion(Incident incident, long expectedVersion) {
        if (incident.version() != expectedVersion) {
            throw stale(incident.version(), expectedVersion);
        }
    }

    /** The answer to an edit based on an old version: 412 naming the current one. */
    public static ProblemException stale(long current, long sent) {
        return new ProblemException(412, "stale-version", "Changed meanwhile",
                "The incident was changed by someone else since you read it: it is at version " + current
                        + " (ETag \"" + current + "\"), your change was based on version " + sent
                        + ". Read it again and re-apply your change.",
                List.of(new FieldError("If-Match", "current version is \"" + current + "\"")));
    }

    private void requireValid(IncidentForm form) {
        List<FieldError> errors = validation.check(form);
        if (!errors.isEmpty()) {
            throw IncidentJson.invalid(errors);
        }
    }

    /** What a stored form looks like: trimmed title and system names, times to the microsecond PostgreSQL keeps. */
    private static IncidentForm normalised(IncidentForm f) {
        List<String> systems = f.systems() == null ? null
                : new ArrayList<>(f.systems().stream().map(s -> s == null ? null : s.strip())
                        .collect(Collectors.toCollection(LinkedHashSet::new)));
        List<String> countries = f.organisation() == null || f.organisation().establishmentCountries() == null ? null
                : f.organisation().establishmentCountries().stream().map(c -> c == null ? null : c.strip())
                        .distinct().toList();
        OrganisationOverride org = f.organisation() == null ? null
                : new OrganisationOverride(f.organisation().role(), countries, f.organisation().hipaaCoveredEntity(),
                        f.organisation().listedCompany(), f.organisation().criticalInfrastructure(),
                        f.organisation().dfsRegulated());
        return new IncidentForm(f.title() == null ? null : f.title().strip(), f.severity(), f.breachTypes(),
                f.causeFamily(), f.discoveryMethod(), f.discoveryNotes(), micros(f.occurredFrom()),
                micros(f.occurredTo()), micros(f.detectedAt()), micros(f.awareAt()), micros(f.containedAt()), systems,
                f.dataCategories(), f.encryption(), f.exfiltration(), f.estimatedSubjects(), f.estimatedRecords(),
                f.content(), org);
    }

    private static IncidentForm blank(IncidentForm f) {
        return new IncidentForm(f.title(), f.severity(), null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    private static Instant micros(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }

    private static PartialTime micros(PartialTime t) {
        return t == null ? null : new PartialTime(t.start().truncatedTo(ChronoUnit.MICROS), t.precision());
    }

    // ---- lifecycle ---------------------------------------------------------------------------

    /**
     * Moves the incident to {@code to} when the lifecycle allows the move, the caller's role may make
     * it, and every guard (built in and contributed) agrees; otherwise says everything that is missing.
     *
     * @param expectedVersion when not {@code null}, the move is refused (412) if the incident changed since
     */
    @Transactional
    public IncidentView transition(UUID id, IncidentStatus to, String reason, Long expectedVersion) {
        Incident incident = incidents.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("Incident", id));
        if (expectedVersion != null) {
            requireVersion(incident, expectedVersion);
        }
        if (to == null) {
            throw IncidentJson.invalid("to", "must be one of " + List.of(IncidentStatus.values()));
        }
        IncidentStatus from = incident.status();
        Lifecycle.Move move = Lifecycle.move(from, to).orElseThrow(() -> new ProblemException(409,
                "transition-not-allowed", "Transition not allowed",
                "An incident in " + from + " cannot move to " + to,
                List.of(new FieldError("to", from + " can move to " + (Lifecycle.movesFrom(from).isEmpty() ? "nothing"
                        : Lifecycle.movesFrom(from).stream().map(m -> m.to().name()).distinct()
                                .collect(Collectors.joining(" or "))) + " only"))));
        if (!move.allowedFor(identity.getRoles())) {
            throw new ProblemException(403, "forbidden", "Forbidden",
                    from + " → " + to + " needs the role " + move.allowedRoles().stream().map(Role::name)
                            .collect(Collectors.joining(" or ")));
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (move.needsReason() && why == null) {
            throw IncidentJson.invalid("reason", "is required to reopen an incident: say what came to light");
        }
        if (why != null && why.length() > 2000) {
            throw IncidentJson.invalid("reason", "must be at most 2000 characters");
        }
        List<FieldError> refusals = refusals(incident, to);
        if (!refusals.isEmpty()) {
            throw new ProblemException(409, "transition-refused", "Transition refused",
                    from + " → " + to + " needs " + refusals.size() + (refusals.size() == 1 ? " more thing" : " more things")
                            + ": " + refusals.stream().map(r -> r.field() + " " + r.message())
                                    .collect(Collectors.joining("; ")),
                    refusals);
        }
        Instant now = now();
        move.apply(incident, now);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("from", from.name());
        summary.put("to", to.name());
        if (why != null) {
            summary.put("reason", why);
        }
        audit.record(AUDIT_TYPE, incident.id(), move.isReopen() ? "reopened" : "status-changed", summary);
        incidents.flush();
        return viewOf(incident);
    }

    /** Every unmet condition for moving the incident to {@code to}: built-in guards first, then contributed ones. */
    public List<FieldError> refusals(Incident incident, IncidentStatus to) {
        List<FieldError> refusals = new ArrayList<>(IncidentGuards.refusals(incident, to, requiredLocales(incident)));
        for (TransitionGuard guard : guards) {
            List<FieldError> more = guard.refusals(incident, to);
            if (more != null) {
                refusals.addAll(more);
            }
        }
        return refusals;
    }

    /** The moves the current user may try from the incident's status (conditions are checked when tried). */
    public List<Lifecycle.Move> movesFor(Incident incident) {
        return Lifecycle.movesFrom(incident.status()).stream().filter(m -> m.allowedFor(identity.getRoles())).toList();
    }

    // ---- timeline ----------------------------------------------------------------------------

    @Transactional
    public NoteView addNote(UUID incidentId, NoteForm form) {
        Incident incident = find(incidentId);
        if (form == null || form.text() == null || form.text().isBlank()) {
            throw IncidentJson.invalid("text", "must not be blank");
        }
        if (form.text().length() > IncidentForm.MAX_TEXT) {
            throw IncidentJson.invalid("text", "must be at most " + IncidentForm.MAX_TEXT + " characters");
        }
        Instant now = now();
        Instant occurredAt = form.occurredAt() == null ? now : micros(form.occurredAt());
        if (occurredAt.isAfter(now.plus(config.clockSkew()))) {
            throw IncidentJson.invalid("occurredAt", "must not be in the future");
        }
        IncidentNote note = new IncidentNote(incident.id(), form.text(), occurredAt, actor(), now);
        notes.persist(note);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("noteId", note.id().toString());
        summary.put("occurredAt", occurredAt.toString());
        audit.record(AUDIT_TYPE, incident.id(), "note-added", summary);
        return NoteView.of(note);
    }

    @Transactional
    public List<NoteView> notes(UUID incidentId) {
        find(incidentId);
        return notes.forIncident(incidentId).stream().map(NoteView::of).toList();
    }

    /** Notes and audit entries of the incident, oldest first. */
    @Transactional
    public List<TimelineEntry> timeline(UUID incidentId) {
        find(incidentId);
        List<TimelineEntry> entries = new ArrayList<>();
        for (IncidentNote n : notes.forIncident(incidentId)) {
            entries.add(new TimelineEntry(n.occurredAt(), "note", n.actor(), "note", n.text(), null, n.id(), null,
                    n.recordedAt()));
        }
        for (AuditEntry e : auditEntries.forEntity(AUDIT_TYPE, incidentId.toString())) {
            Map<String, Object> details = details(e.summary());
            entries.add(new TimelineEntry(e.occurredAt(), "audit", e.actor(), e.action(), describe(e.action(), details),
                    details, null, e.seq(), e.occurredAt()));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at)
                .thenComparing(t -> t.auditSeq() == null ? Long.MIN_VALUE : t.auditSeq()));
        return entries;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> details(String summaryJson) {
        try {
            return mapper.readValue(summaryJson, Map.class);
        } catch (Exception e) {
            return Map.of();
        }
    }

    /** One sentence per audit entry, for people reading the timeline. */
    static String describe(String action, Map<String, Object> d) {
        return switch (action) {
            case "created" -> "Recorded " + d.get("reference") + " as a draft (severity " + d.get("severity") + ")";
            case "edited" -> "Changed " + String.join(", ", asStrings(d.get("changed")));
            case "status-changed" -> "Moved from " + d.get("from") + " to " + d.get("to")
                    + (d.get("reason") == null ? "" : ": " + d.get("reason"));
            case "reopened" -> "Reopened (" + d.get("from") + " → " + d.get("to") + "): " + d.get("reason");
            case "note-added" -> "Added a note";
            default -> action;
        };
    }

    private static List<String> asStrings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    // ---- audit summaries ---------------------------------------------------------------------

    /** Field names changed between two forms, with before/after values where they hold no free text. */
    record Changes(List<String> names, Map<String, Object> before, Map<String, Object> after) {
        boolean isEmpty() {
            return names.isEmpty();
        }
    }

    /** Free text may contain anything (even personal data): the audit keeps only that it changed. */
    private static final Set<String> TEXT_ONLY_BY_NAME = Set.of("discoveryNotes", "content");

    private Changes changedFields(JsonNode before, JsonNode after) {
        List<String> names = new ArrayList<>();
        Map<String, Object> was = new LinkedHashMap<>();
        Map<String, Object> now = new LinkedHashMap<>();
        Set<String> keys = new TreeSet<>();
        before.fieldNames().forEachRemaining(keys::add);
        after.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            JsonNode b = nullToMissing(before.get(key));
            JsonNode a = nullToMissing(after.get(key));
            if (b.equals(a)) {
                continue;
            }
            if (key.equals("content")) {
                names.addAll(contentChanges(b, a));
            } else if (TEXT_ONLY_BY_NAME.contains(key)) {
                names.add(key);
            } else if (key.equals("organisation")) {
                Set<String> sub = new TreeSet<>();
                b.fieldNames().forEachRemaining(sub::add);
                a.fieldNames().forEachRemaining(sub::add);
                for (String s : sub) {
                    JsonNode bs = nullToMissing(b.get(s));
                    JsonNode as = nullToMissing(a.get(s));
                    if (!bs.equals(as)) {
                        names.add("organisation." + s);
                        was.put("organisation." + s, json.plain(bs.isMissingNode() ? null : bs));
                        now.put("organisation." + s, json.plain(as.isMissingNode() ? null : as));
                    }
                }
            } else {
                names.add(key);
                was.put(key, json.plain(b.isMissingNode() ? null : b));
                now.put(key, json.plain(a.isMissingNode() ? null : a));
            }
        }
        return new Changes(names, was, now);
    }

    private static List<String> contentChanges(JsonNode before, JsonNode after) {
        List<String> names = new ArrayList<>();
        Set<String> locales = new TreeSet<>();
        before.fieldNames().forEachRemaining(locales::add);
        after.fieldNames().forEachRemaining(locales::add);
        for (String locale : locales) {
            JsonNode b = nullToMissing(before.get(locale));
            JsonNode a = nullToMissing(after.get(locale));
            for (String element : IncidentContent.ELEMENTS) {
                if (!nullToMissing(b.get(element)).equals(nullToMissing(a.get(element)))) {
                    names.add("content." + locale + "." + element);
                }
            }
        }
        return names;
    }

    private static JsonNode nullToMissing(JsonNode node) {
        if (node == null || node.isNull()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        if (node.isObject()) {
            // {"a": null} and {} say the same.
            com.fasterxml.jackson.databind.node.ObjectNode copy = node.deepCopy();
            List<String> empty = new ArrayList<>();
            copy.fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) {
                    empty.add(e.getKey());
                }
            });
            copy.remove(empty);
            return copy.isEmpty() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : copy;
        }
        if (node.isArray() && node.isEmpty()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        return node;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private String actor() {
        return identity == null || identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
    }
}
