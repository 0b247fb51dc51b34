package org.herald.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.herald.audit.AuditLog;
import org.herald.channel.Channel;
import org.herald.channel.ChannelSenders;
import org.herald.channel.sms.SmsSegmentCounter;
import org.herald.channel.sms.SmsSegments;
import org.herald.incident.Incident;
import org.herald.incident.IncidentContent;
import org.herald.incident.IncidentRepository;
import org.herald.rules.IndividualNoticeTerms;
import org.herald.rules.Obligations;
import org.herald.shared.problem.Problem;
import org.herald.shared.problem.ProblemException;

/**
 * Plans a campaign: one notice per affected subject covered by an open individual-notice obligation,
 * addressed to the subject, their guardian (minors) or next of kin (deceased) where a rule says so,
 * on a channel chain built from what the rules allow, what the person has and their preference, in
 * the best locale with wording. Refuses, with the reason, a plan whose notices would lack one of the
 * six content elements or carry content a rule prohibits.
 */
@ApplicationScoped
public class CampaignPlanner {

    static final String AUDIT_TYPE = "notice-campaign";
    private static final List<Channel> DEFAULT_ORDER = List.of(Channel.EMAIL, Channel.SMS, Channel.PUSH, Channel.VOICE,
            Channel.LETTER);
    /** A jurisdiction's default notice language when the subject has none with wording. */
    private static final Map<String, String> JURISDICTION_LOCALE = Map.of("CN", "zh-CN");

    private final IncidentRepository incidents;
    private final Obligations obligations;
    private final NoticeTemplates templates;
    private final ChannelSenders senders;
    private final ApprovalHash approvalHash;
    private final CapacityForecaster forecaster;
    private final NoticeCampaignRepository campaigns;
    private final AgroalDataSource dataSource;
    private final AuditLog audit;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final NoticeConfig config;

    CampaignPlanner(IncidentRepository incidents, Obligations obligations, NoticeTemplates templates,
            ChannelSenders senders, ApprovalHash approvalHash, CapacityForecaster forecaster,
            NoticeCampaignRepository campaigns, AgroalDataSource dataSource, AuditLog audit, SecurityIdentity identity,
            Clock clock, ObjectMapper mapper, NoticeConfig config) {
        this.incidents = incidents;
        this.obligations = obligations;
        this.templates = templates;
        this.senders = senders;
        this.approvalHash = approvalHash;
        this.forecaster = forecaster;
        this.campaigns = campaigns;
        this.dataSource = dataSource;
        this.audit = audit;
        this.identity = identity;
        this.clock = clock;
        this.mapper = mapper;
        this.config = config;
    }

    /** One affected subject as planning sees it: no names, no addresses, only what exists. */
    record SubjectFacts(UUID id, List<String> categories, String locale, String country, String region, boolean minor,
            boolean deceased, String preference, Set<String> contacts, boolean push, Set<String> postal) {

        boolean has(String role, Channel channel) {
            return switch (channel) {
                case EMAIL -> contacts.contains(role + ":EMAIL");
                case SMS -> contacts.contains(role + ":PHONE:M");
                case VOICE -> contacts.contains(role + ":PHONE") || contacts.contains(role + ":PHONE:M");
                case PUSH -> "SUBJECT".equals(role) && push;
                case LETTER -> postal.contains(role);
            };
        }
    }

    record PlannedNotice(UUID id, UUID subjectId, String role, String kind, String locale, List<Channel> chain,
            List<IndividualNoticeTerms> terms, Instant dueAt, List<String> categories) {
    }

    private record Combo(String kind, String locale, Channel channel) {
    }

    @Transactional
    public CampaignView plan(UUID incidentId) {
        Incident incident = incidents.findByIdOptional(incidentId)
                .orElseThrow(() -> ProblemException.notFound("incident", incidentId));
        List<IndividualNoticeTerms> terms = obligations.openIndividualNoticeTerms(incidentId);
        if (terms.isEmpty()) {
            throw ProblemException.conflict("The incident has no open individual-notice obligation to plan notices for.");
        }
        if (campaigns.forIncident(incidentId).stream().anyMatch(c -> !c.status().isOver())) {
            throw ProblemException.conflict("The incident already has a campaign that is not over; cancel it or let it finish.");
        }
        List<String> warnings = new ArrayList<>();
        for (IndividualNoticeTerms t : terms) {
            for (String word : t.allowedChannels()) {
                if (ChannelVocabulary.channelOf(word).isEmpty()) {
                    warnings.add(t.regimeId() + " allows '" + word + "', which Herald does not send; it is left out of the chains");
                }
            }
        }
        List<PlannedNotice> planned = new ArrayList<>();
        long notCovered = 0;
        long noChannel = 0;
        Map<Combo, List<IndividualNoticeTerms>> combos = new LinkedHashMap<>();
        Map<Combo, PlannedNotice> samples = new HashMap<>();
        for (SubjectFacts s : affected(incidentId)) {
            List<IndividualNoticeTerms> covering = terms.stream().filter(t -> covers(t, s)).toList();
            if (covering.isEmpty()) {
                notCovered++;
                continue;
            }
            String role = "SUBJECT";
            if (s.minor() && covering.stream().anyMatch(IndividualNoticeTerms::guardianForMinors)) {
                role = "GUARDIAN";
            } else if (s.deceased() && covering.stream().anyMatch(IndividualNoticeTerms::nextOfKinForDeceased)) {
                role = "NEXT_OF_KIN";
            }
            List<Channel> chain = chain(covering, s, role);
            String kind = kindFor(covering);
            String locale = localeFor(s, kind, incident);
            Instant due = covering.stream().map(IndividualNoticeTerms::dueAt).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(null);
            PlannedNotice p = new PlannedNotice(UUID.randomUUID(), s.id(), role, kind, locale, chain, covering, due,
                    s.categories());
            planned.add(p);
            if (chain.isEmpty()) {
                noChannel++;
            }
            for (Channel c : chain) {
                Combo combo = new Combo(kind, locale, c);
                combos.computeIfAbsent(combo, k -> new ArrayList<>());
                for (IndividualNoticeTerms t : covering) {
                    if (!combos.get(combo).contains(t)) {
                        combos.get(combo).add(t);
                    }
                }
                samples.putIfAbsent(combo, p);
            }
        }
        if (planned.isEmpty()) {
            throw ProblemException.conflict("No affected subject is covered by an open individual-notice obligation"
                    + (notCovered > 0 ? " (" + notCovered + " affected subjects are outside every obligation)" : "")
                    + "; define the incident's affected subjects first.");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Map.Entry<Combo, List<IndividualNoticeTerms>> e : combos.entrySet()) {
            check(incident, e.getKey(), e.getValue(), samples.get(e.getKey()), errors, warnings);
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "notice-content", "Notices would be incomplete or carry prohibited content",
                    "Planning was refused: " + errors.size() + " problem(s) with the content or wording.", errors);
        }
        if (notCovered > 0) {
            warnings.add(notCovered + " affected subject(s) are covered by no open individual-notice obligation and get no notice");
        }
        if (noChannel > 0) {
            warnings.add(noChannel + " subject(s) have no channel that both the rules allow and they have: planned as UNREACHABLE");
        }
        UUID campaignId = UUID.randomUUID();
        Instant now = Instant.now(clock);
        CapacityForecaster.Forecast forecast = forecaster.forecast(planned, terms, now);
        NoticeCampaign campaign = new NoticeCampaign(campaignId, incidentId, identity.getPrincipal().getName(), now,
                approvalHash.of(incident), json(warnings), json(forecast), planned.size());
        campaigns.persist(campaign);
        campaigns.flush();
        insert(campaignId, incidentId, planned, now);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("incidentId", incidentId.toString());
        summary.put("notices", planned.size());
        summary.put("unreachableAtPlanning", noChannel);
        summary.put("notCovered", notCovered);
        summary.put("hash", campaign.plannedHash());
        audit.record(AUDIT_TYPE, campaignId, "planned", summary);
        return CampaignView.of(campaign, warnings, forecast, null);
    }

    private static boolean covers(IndividualNoticeTerms t, SubjectFacts s) {
        boolean country = t.coveredCountries() == null || t.coveredCountries().isEmpty()
                || t.coveredCountries().contains(s.country());
        boolean region = t.coveredRegions() == null || t.coveredRegions().isEmpty()
                || (s.region() != null && t.coveredRegions().contains(s.region()));
        return country && region;
    }

    /** Preference first, then the rules' order, each only where every covering rule allows it and the person has it. */
    List<Channel> chain(List<IndividualNoticeTerms> covering, SubjectFacts s, String role) {
        Set<Channel> allowed = new LinkedHashSet<>(DEFAULT_ORDER);
        List<Channel> ruleOrder = new ArrayList<>();
        for (IndividualNoticeTerms t : covering) {
            if (t.allowedChannels() == null || t.allowedChannels().isEmpty()) {
                continue;
            }
            Set<Channel> these = new LinkedHashSet<>();
            t.allowedChannels().forEach(w -> ChannelVocabulary.channelOf(w).ifPresent(these::add));
            allowed.retainAll(these);
            these.forEach(c -> {
                if (!ruleOrder.contains(c)) {
                    ruleOrder.add(c);
                }
            });
        }
        List<Channel> order = new ArrayList<>();
        if (s.preference() != null) {
            for (String p : s.preference().split("[,;]")) {
                try {
                    Channel c = Channel.valueOf(p.trim().toUpperCase(Locale.ROOT));
                    if (!order.contains(c)) {
                        order.add(c);
                    }
                } catch (IllegalArgumentException ignored) {
                    // an unknown preference does not matter
                }
            }
        }
        ruleOrder.forEach(c -> {
            if (!order.contains(c)) {
                order.add(c);
            }
        });
        DEFAULT_ORDER.forEach(c -> {
            if (!order.contains(c)) {
                order.add(c);
            }
        });
        return order.stream().filter(allowed::contains).filter(c -> s.has(role, c))
                .filter(c -> senders.forChannel(c).isPresent()).toList();
    }

    /** A regime with its own wording (notices/<regime id in lower case, dashes>) wins over the general one. */
    private String kindFor(List<IndividualNoticeTerms> covering) {
        for (IndividualNoticeTerms t : covering) {
            String kind = regimeKind(t.regimeId());
            if (templates.hasKind(kind)) {
                return kind;
            }
        }
        return NoticeTemplates.DEFAULT_KIND;
    }

    static String regimeKind(String regimeId) {
        return regimeId == null ? "" : regimeId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }

    /** The subject's language, else the jurisdiction's, else English; only locales with wording and content count. */
    String localeFor(SubjectFacts s, String kind, Incident incident) {
        Set<String> withWording = templates.locales(kind);
        Set<String> withContent = incident.content().keySet();
        List<String> candidates = new ArrayList<>();
        if (s.locale() != null && !s.locale().isBlank()) {
            candidates.add(s.locale());
        }
        Optional.ofNullable(JURISDICTION_LOCALE.get(s.country())).ifPresent(candidates::add);
        candidates.add("en");
        for (String wanted : candidates) {
            Optional<String> match = best(wanted, withWording).filter(l -> best(l, withContent).isPresent());
            if (match.isPresent()) {
                return match.get();
            }
        }
        return withWording.contains("en") ? "en" : withWording.stream().findFirst().orElse("en");
    }

    /** The exact tag, else the first with the same language. */
    static Optional<String> best(String wanted, Set<String> available) {
        for (String a : available) {
            if (a.equalsIgnoreCase(wanted)) {
                return Optional.of(a);
            }
        }
        String lang = Locale.forLanguageTag(wanted).getLanguage();
        return available.stream().filter(a -> Locale.forLanguageTag(a).getLanguage().equals(lang)).findFirst();
    }

    static Optional<IncidentContent> contentFor(Incident incident, String locale) {
        return contentFor(incident.content(), locale);
    }

    static Optional<IncidentContent> contentFor(SortedMap<String, IncidentContent> content, String locale) {
        return best(locale, content.keySet()).map(content::get);
    }

    private void check(Incident incident, Combo combo, List<IndividualNoticeTerms> terms, PlannedNotice sample,
            List<Problem.FieldError> errors, List<String> warnings) {
        Optional<NoticeTemplates.TemplateSet> set = templates.find(combo.kind(), combo.channel(), combo.locale());
        String where = "notices/" + combo.kind() + "/" + combo.channel().key() + "/" + combo.locale();
        if (set.isEmpty()) {
            errors.add(new Problem.FieldError("templates", where + ": no wording for this channel and locale"));
            return;
        }
        Set<String> prohibited = new HashSet<>();
        Set<String> required = new HashSet<>();
        Map<String, String> prohibitedBy = new TreeMap<>();
        for (IndividualNoticeTerms t : terms) {
            if (t.prohibitedContent() != null) {
                for (String p : t.prohibitedContent()) {
                    String ref = NoticeModel.ELEMENT_REFERENCES.get(NoticeModel.canonical(p));
                    if (ref != null) {
                        prohibited.add(ref);
                        prohibitedBy.putIfAbsent(ref, t.regimeId() + " prohibits " + NoticeModel.canonical(p));
                    }
                }
            }
            if (t.requiredContent() != null) {
                for (String r : t.requiredContent()) {
                    String ref = NoticeModel.ELEMENT_REFERENCES.get(NoticeModel.canonical(r));
                    if (ref != null) {
                        required.add(ref);
                    } else {
                        String w = t.regimeId() + " requires '" + NoticeModel.canonical(r)
                                + "', which the wording must carry in its text (not checked)";
                        if (!warnings.contains(w)) {
                            warnings.add(w);
                        }
                    }
                }
            }
        }
        Set<String> refs = set.get().references();
        for (String ref : prohibited) {
            if (refs.contains(ref)) {
                errors.add(new Problem.FieldError("templates", where + " uses " + ref + ", but " + prohibitedBy.get(ref)));
            }
        }
        Set<String> needed = new HashSet<>(NoticeModel.SIX.values());
        needed.addAll(required);
        needed.removeAll(prohibited);
        for (String ref : new java.util.TreeSet<>(needed)) {
            if (!refs.contains(ref)) {
                errors.add(new Problem.FieldError("templates", where + " lacks " + ref));
            }
        }
        Optional<IncidentContent> content = contentFor(incident, combo.locale());
        if (content.isEmpty()) {
            errors.add(new Problem.FieldError("content." + combo.locale(), "the incident has no notice content in "
                    + combo.locale()));
            return;
        }
        for (String missing : content.get().missingElements()) {
            String ref = NoticeModel.SIX.get(missing);
            if (ref != null && !prohibited.contains(ref)) {
                String field = "content." + combo.locale() + "." + missing;
                Problem.FieldError err = new Problem.FieldError(field, "missing: every notice must carry it");
                if (!errors.contains(err)) {
                    errors.add(err);
                }
            }
        }
        if (combo.channel() == Channel.SMS && content.get().isComplete()) {
            Map<String, Object> model = NoticeModel.of(incident, content.get(), config.publicInfoBaseUrl(),
                    numberAffected(incident), sample.categories(), sample.role(), sample.id(), combo.locale());
            SmsSegments segments = SmsSegmentCounter.count(templates.render(set.get(), model).text());
            if (segments.exceedsWarningThreshold()) {
                warnings.add("SMS " + where + " takes " + segments.segments() + " segments (" + segments.encoding()
                        + ", " + segments.units() + " units): more than " + SmsSegments.WARNING_THRESHOLD);
            }
        }
    }

    static long numberAffected(Incident incident) {
        return incident.estimatedSubjects() == null ? 0 : incident.estimatedSubjects();
    }

    private List<SubjectFacts> affected(UUID incidentId) {
        String sql = """
                SELECT d.id, a.categories, d.locale, d.country, d.region, d.minor, d.deceased, d.channel_preference,
                       (SELECT array_agg(DISTINCT c.owner || ':' || c.kind || CASE WHEN c.kind = 'PHONE' AND (c.line_type IS NULL
                               OR c.line_type IN ('MOBILE', 'FIXED_LINE_OR_MOBILE')) THEN ':M' ELSE '' END)
                          FROM subject_contact c WHERE c.subject_id = d.id) AS contacts,
                       EXISTS (SELECT 1 FROM subject_push_registration p WHERE p.subject_id = d.id AND p.active) AS push,
                       (SELECT array_agg(p.owner) FROM subject_postal_address p WHERE p.subject_id = d.id) AS postal
                  FROM affected_subject a JOIN data_subject d ON d.id = a.subject_id
                 WHERE a.incident_id = ?
                   AND NOT EXISTS (SELECT 1 FROM notice_campaign c JOIN notice n ON n.campaign_id = c.id
                                    WHERE c.incident_id = a.incident_id AND c.status <> 'CANCELLED'
                                      AND n.subject_id = a.subject_id)
                 ORDER BY d.id""";
        List<SubjectFacts> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, incidentId);
            s.setFetchSize(5000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new SubjectFacts(rs.getObject(1, UUID.class), strings(rs.getArray(2)), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getBoolean(7), rs.getString(8),
                            new HashSet<>(strings(rs.getArray(9))), rs.getBoolean(10), new HashSet<>(strings(rs.getArray(11)))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the affected subjects", e);
        }
        return out;
    }

    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).filter(Objects::nonNull).map(Object::toString).toList();
    }

    private void insert(UUID campaignId, UUID incidentId, List<PlannedNotice> planned, Instant now) {
        String notice = """
                INSERT INTO notice (id, campaign_id, incident_id, subject_id, recipient_role, kind, locale, chain, chain_pos,
                                    channel, state, next_at, due_at, categories, finished_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)""";
        String link = "INSERT INTO notice_obligation (notice_id, obligation_id, regime_id, due_at) VALUES (?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement n = c.prepareStatement(notice);
                PreparedStatement o = c.prepareStatement(link)) {
            int batched = 0;
            Timestamp at = Timestamp.from(now);
            for (PlannedNotice p : planned) {
                boolean unreachable = p.chain().isEmpty();
                n.setObject(1, p.id());
                n.setObject(2, campaignId);
                n.setObject(3, incidentId);
                n.setObject(4, p.subjectId());
                n.setString(5, p.role());
                n.setString(6, p.kind());
                n.setString(7, p.locale());
                n.setString(8, String.join(",", p.chain().stream().map(Channel::name).toList()));
                n.setString(9, unreachable ? null : p.chain().get(0).name());
                n.setString(10, unreachable ? "UNREACHABLE" : "QUEUED");
                n.setTimestamp(11, at);
                n.setTimestamp(12, p.dueAt() == null ? null : Timestamp.from(p.dueAt()));
                n.setArray(13, c.createArrayOf("varchar", p.categories().toArray()));
                n.setTimestamp(14, unreachable ? at : null);
                n.addBatch();
                for (IndividualNoticeTerms t : p.terms()) {
                    o.setObject(1, p.id());
                    o.setObject(2, t.obligationId());
                    o.setString(3, t.regimeId());
                    o.setTimestamp(4, t.dueAt() == null ? null : Timestamp.from(t.dueAt()));
                    o.addBatch();
                }
                if (++batched % 1000 == 0) {
                    n.executeBatch();
                    o.executeBatch();
                }
            }
            n.executeBatch();
            o.executeBatch();
            // Fresh statistics for the dispatcher's claim: analysed after the previous campaign, the
            // table would say no notice is queued, and the planner could then pick a plan that reads
            // every notice of the campaign for each claim of fifty (docs/performance.md).
            try (Statement analyze = c.createStatement()) {
                analyze.execute("ANALYZE notice");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the planned notices", e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<Channel, Long> firstChannels(List<PlannedNotice> planned) {
        Map<Channel, Long> out = new EnumMap<>(Channel.class);
        planned.stream().filter(p -> !p.chain().isEmpty()).forEach(p -> out.merge(p.chain().get(0), 1L, Long::sum));
        return out;
    }

    static Duration seconds(double s) {
        return Duration.ofMillis((long) Math.ceil(s * 1000));
    }
}
