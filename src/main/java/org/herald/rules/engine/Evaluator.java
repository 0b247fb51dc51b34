package org.herald.rules.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.herald.incident.CauseFamily;
import org.herald.incident.DataCategory;
import org.herald.incident.EncryptionState;
import org.herald.incident.Exfiltration;
import org.herald.rules.ObligationKind;
import org.herald.rules.model.Condition;
import org.herald.rules.model.NoticeRule;
import org.herald.rules.model.Regime;
import org.herald.rules.model.SubstituteRule;

/**
 * Evaluates regimes against an incident's facts: pure logic, no database, no clock of its own
 * (the facts carry "now"). Each obligation carries its reason: the rule and citation, every
 * condition that held with its actual numbers, and every safe harbour considered.
 */
public final class Evaluator {

    private final List<Regime> regimes;
    private final Map<String, BusinessCalendar> calendars;

    public Evaluator(List<Regime> regimes, Map<String, BusinessCalendar> calendars) {
        this.regimes = List.copyOf(regimes);
        this.calendars = Map.copyOf(calendars);
    }

    public Evaluation evaluate(AssessmentFacts facts) {
        List<Evaluation.RegimeOutcome> outcomes = new ArrayList<>();
        List<ObligationDraft> drafts = new ArrayList<>();
        List<Evaluation.SubstituteOffer> substitutes = new ArrayList<>();
        for (Regime r : regimes) {
            new RegimeRun(r, facts).run(outcomes, drafts, substitutes);
        }
        drafts.sort(java.util.Comparator.comparing(ObligationDraft::dueAt,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())).thenComparing(ObligationDraft::key));
        return new Evaluation(outcomes, drafts, substitutes);
    }

    /** A condition's verdict and its words with the actual numbers. */
    record Verdict(boolean holds, String text) {
    }

    private final class RegimeRun {
        private final Regime r;
        private final AssessmentFacts f;
        private final ZoneId zone;
        private final BusinessCalendar calendar;
        private final long residents;
        private final long unreachable;

        RegimeRun(Regime r, AssessmentFacts f) {
            this.r = r;
            this.f = f;
            this.zone = ZoneId.of(r.timeZone());
            this.calendar = r.businessCalendar() == null ? BusinessCalendar.weekendsOnly("none")
                    : calendars.getOrDefault(r.businessCalendar(), BusinessCalendar.weekendsOnly(r.businessCalendar()));
            long res = 0;
            long unr = 0;
            for (Population p : f.population()) {
                if (r.coverage().covers(p.country(), p.region())) {
                    res += p.subjects();
                    unr += p.unreachable();
                }
            }
            this.residents = res;
            this.unreachable = unr;
        }

        void run(List<Evaluation.RegimeOutcome> outcomes, List<ObligationDraft> drafts,
                List<Evaluation.SubstituteOffer> substitutes) {
            String inForce = inForce();
            if (inForce != null) {
                outcomes.add(outcome("upcoming", inForce));
                return;
            }
            String notApplicable = notApplicable();
            if (notApplicable != null) {
                outcomes.add(outcome(notApplicable.startsWith("?") ? "undetermined" : "not_applicable",
                        notApplicable.startsWith("?") ? notApplicable.substring(1) : notApplicable));
                return;
            }
            List<String> why = new ArrayList<>();
            why.add(nexusText());
            if (r.trigger().condition() != null) {
                Verdict v = condition(r.trigger().condition(), residents, unreachable);
                if (!v.holds()) {
                    outcomes.add(outcome("not_applicable", "trigger not met: " + v.text()));
                    return;
                }
                why.add(v.text());
            }
            List<String> harbours = new ArrayList<>();
            for (String h : r.trigger().safeHarbors()) {
                Verdict v = safeHarbour(h);
                if (v.holds()) {
                    outcomes.add(outcome("exempt", "safe harbour " + v.text()));
                    return;
                }
                harbours.add("safe harbour " + v.text());
            }
            List<String> skipped = new ArrayList<>();
            ObligationDraft individual = null;
            for (NoticeRule n : r.notices()) {
                List<ObligationDraft> made = notice(n, why, harbours, skipped);
                drafts.addAll(made);
                if (individual == null && "individual_notice".equals(n.kind()) && !made.isEmpty()) {
                    individual = made.get(0);
                }
            }
            if (r.substituteNotice() != null) {
                substitutes.add(substitute(individual, drafts));
            }
            String explanation = String.join("; ", why) + (harbours.isEmpty() ? "" : "; " + String.join("; ", harbours))
                    + (skipped.isEmpty() ? "" : "; not required: " + String.join("; ", skipped));
            outcomes.add(outcome("applies", explanation));
        }

        private Evaluation.RegimeOutcome outcome(String outcome, String explanation) {
            return new Evaluation.RegimeOutcome(r.regimeId(), r.name(), r.jurisdiction(), outcome, explanation,
                    r.confidence(), residents);
        }

        /** Null when the regime is in force for this incident, else why it is only upcoming. */
        private String inForce() {
            if (r.status().equals("proposal") || r.status().equals("draft")) {
                return r.status() + ", not law: never creates obligations";
            }
            Instant reference = f.awareAt() != null ? f.awareAt() : f.detectedAt() != null ? f.detectedAt() : f.now();
            LocalDate day = reference.atZone(zone).toLocalDate();
            if (r.effectiveFrom() != null && day.isBefore(r.effectiveFrom())) {
                return "in force from " + r.effectiveFrom() + " (" + r.status().replace('_', ' ')
                        + "); the incident's awareness date " + day + " is before it";
            }
            // An enacted rule whose effective date has come applies, even if its file still says "not in force".
            if (r.status().equals("enacted_not_in_force") && r.effectiveFrom() == null) {
                return "enacted, not yet in force (no effective date known)";
            }
            return null;
        }

        /** Null when the regime binds this organisation for these people; "?..." when undecidable. */
        private String notApplicable() {
            if (r.effectiveTo() != null && f.now().atZone(zone).toLocalDate().isAfter(r.effectiveTo())) {
                return "superseded on " + r.effectiveTo();
            }
            Regime.Applicability a = r.applicability();
            String role = f.organisation().role() == null ? "controller" : f.organisation().role().name().toLowerCase(Locale.ROOT);
            if (!a.roles().isEmpty() && !a.roles().contains(role)) {
                return "binds " + a.roles() + "; the organisation acts as " + role;
            }
            for (String o : a.organisation()) {
                if (!organisationFact(o)) {
                    return "binds only organisations that are " + o.replace('_', ' ');
                }
            }
            if (!a.dataCategoriesAny().isEmpty() && f.categories().stream().map(Enum::name)
                    .noneMatch(a.dataCategoriesAny()::contains)) {
                return "covers only " + a.dataCategoriesAny() + "; exposed: " + sortedNames(f.categories());
            }
            if (!r.trigger().breachTypes().isEmpty() && f.breachTypes().stream()
                    .map(b -> b.name().toLowerCase(Locale.ROOT)).noneMatch(r.trigger().breachTypes()::contains)) {
                return "covers only " + r.trigger().breachTypes() + " breaches";
            }
            switch (a.subjectNexus()) {
                case "organisation":
                    return null;
                case "establishment_or_residents":
                    if (established() || residents > 0) {
                        return null;
                    }
                    return f.scopeDefined() ? "no affected subject in " + r.jurisdiction()
                            + " and no establishment there" : "?affected subjects not determined yet (define the scope)";
                default:
                    if (!f.scopeDefined()) {
                        return "?affected subjects not determined yet (define the scope)";
                    }
                    return residents > 0 ? null : "no affected subject in " + r.jurisdiction();
            }
        }

        private boolean established() {
            return f.organisation().establishmentCountries() != null && f.organisation().establishmentCountries()
                    .stream().anyMatch(r.coverage().countries()::contains);
        }

        private String nexusText() {
            if (r.applicability().subjectNexus().equals("organisation")) {
                return "organisation is " + String.join(", ", r.applicability().organisation()).replace('_', ' ')
                        + " (" + f.totalSubjects() + " subjects affected in all)";
            }
            String text = residents + " affected subject" + (residents == 1 ? "" : "s") + " in " + r.jurisdiction();
            if (r.applicability().subjectNexus().equals("establishment_or_residents") && established()) {
                text += "; organisation established there";
            }
            return text;
        }

        private List<ObligationDraft> notice(NoticeRule n, List<String> why, List<String> harbours,
                List<String> skipped) {
            String label = n.kind().replace('_', ' ') + " to " + n.recipient()
                    + (n.phase().equals("initial") ? "" : " (" + n.phase() + ")");
            String harmTest = n.harmThreshold() != null ? n.harmThreshold() : r.trigger().harmThreshold();
            Verdict harm = harm(harmTest);
            if (!harm.holds()) {
                skipped.add(label + ": " + harm.text());
                return List.of();
            }
            List<String> own = new ArrayList<>();
            for (String h : n.safeHarbors()) {
                Verdict v = safeHarbour(h);
                if (v.holds()) {
                    skipped.add(label + ": safe harbour " + v.text());
                    return List.of();
                }
                own.add("safe harbour " + v.text());
            }
            List<Scope> scopes = new ArrayList<>();
            if (n.splitPerRegion()) {
                Map<String, long[]> byRegion = new TreeMap<>();
                for (Population p : f.population()) {
                    if (p.region() != null && r.coverage().covers(p.country(), p.region())) {
                        long[] c = byRegion.computeIfAbsent(p.region(), k -> new long[2]);
                        c[0] += p.subjects();
                        c[1] += p.unreachable();
                    }
                }
                byRegion.forEach((region, c) -> scopes.add(new Scope(region, List.of(region.substring(0, 2)),
                        List.of(region), c[0], c[1])));
            } else {
                scopes.add(new Scope(r.jurisdiction(), r.coverage().countries(), r.coverage().regions(),
                        r.applicability().subjectNexus().equals("organisation") ? f.totalSubjects() : residents,
                        unreachable));
            }
            List<ObligationDraft> out = new ArrayList<>();
            List<String> misses = new ArrayList<>();
            for (Scope s : scopes) {
                List<String> reasons = new ArrayList<>(why);
                if (n.splitPerRegion()) {
                    reasons.set(0, s.residents + " affected subjects in " + s.jurisdiction);
                }
                if (n.when() != null) {
                    Verdict v = condition(n.when(), s.residents, s.unreachable);
                    if (!v.holds()) {
                        misses.add(v.text() + (n.splitPerRegion() ? " in " + s.jurisdiction : ""));
                        continue;
                    }
                    reasons.add(v.text());
                }
                reasons.add(harm.text());
                reasons.addAll(harbours);
                reasons.addAll(own);
                out.add(draft(n, s, reasons));
            }
            if (out.isEmpty()) {
                skipped.add(label + ": " + (misses.isEmpty() ? "no region qualifies" : String.join(", ", misses)));
            }
            return out;
        }

        private ObligationDraft draft(NoticeRule n, Scope s, List<String> reasons) {
            ObligationKind kind = ObligationKind.valueOf(n.kind().toUpperCase(Locale.ROOT));
            Due due = due(n);
            String confidence = weakest(r.confidence(), n.confidence(),
                    n.deadline() == null ? null : n.deadline().confidence());
            StringBuilder reason = new StringBuilder();
            reason.append(r.regimeId()).append(" (").append(String.join("; ", r.citations())).append("): ");
            reason.append(String.join("; ", reasons));
            reason.append(". Due: ").append(due.basis()).append('.');
            if (n.lateReasonRequired()) {
                reason.append(" A late notice must give the reasons for the delay.");
            }
            if (n.note() != null) {
                reason.append(' ').append(n.note());
            }
            if ("unconfirmed".equals(confidence)) {
                reason.append(" Built on UNCONFIRMED facts: check the source before relying on it.");
            }
            ObligationDraft.Terms terms = new ObligationDraft.Terms(s.countries, s.regions, n.allowedChannels(),
                    n.requiredContent(), n.prohibitedContent(), n.channelConstraints(), n.routing().guardian(),
                    n.routing().nextOfKin(), remediation(n));
            return new ObligationDraft(ObligationDraft.keyOf(r.regimeId(), kind, n.recipient(), n.phase(), s.jurisdiction),
                    kind, r.regimeId(), s.jurisdiction, n.recipient(), n.phase(), due.at(), due.basis(),
                    reason.toString(), r.citations(), confidence, s.residents, n.lateReasonRequired(), terms);
        }

        private List<String> remediation(NoticeRule n) {
            List<String> out = new ArrayList<>();
            for (NoticeRule.RemediationOffer o : n.remediationOffers()) {
                if (o.categoriesAny().isEmpty()
                        || f.categories().stream().map(Enum::name).anyMatch(o.categoriesAny()::contains)) {
                    out.add(o.type() + (o.months() == null ? "" : ": at least " + o.months() + " months")
                            + (o.condition() == null ? "" : " (" + o.condition() + ")"));
                }
            }
            return out;
        }

        private Due due(NoticeRule n) {
            if (n.deadline() == null) {
                return new Due(null, "no fixed time");
            }
            Instant start = null;
            String label = n.deadline().clockStart() == null ? "the incident" : n.deadline().clockStart();
            if (n.deadline().clockStart() != null) {
                Clock c = clock(n.deadline().clockStart());
                start = c.at;
                label = c.label;
            }
            int multiplier = n.deadline().smallAgentMultiplier() != null && Judgement.yes(f.judgement().smallProcessingAgent())
                    ? n.deadline().smallAgentMultiplier() : 1;
            return DeadlineCalculator.due(n.deadline(), start, label, zone, calendar, multiplier);
        }

        private record Clock(Instant at, String label) {
        }

        private Clock clock(String event) {
            Judgement j = f.judgement();
            Instant discovery = f.detectedAt() != null ? f.detectedAt() : f.awareAt();
            return switch (event) {
                case "awareness", "knowledge_personal_data_affected" -> new Clock(f.awareAt(), "awareness");
                case "discovery", "discovery_or_notified", "suspicion" -> new Clock(discovery,
                        f.detectedAt() != null ? "discovery" : "discovery (awareness time: no detection time recorded)");
                case "determination_breach_occurred" -> j.determinedAt() != null
                        ? new Clock(j.determinedAt(), "the determination that a breach occurred")
                        : new Clock(f.awareAt(), "the determination that a breach occurred (awareness time: none given)");
                case "determination_notifiable" -> j.assessedNotifiableAt() != null
                        ? new Clock(j.assessedNotifiableAt(), "the assessment as notifiable")
                        : j.determinedAt() != null
                                ? new Clock(j.determinedAt(), "the assessment as notifiable (determination time)")
                                : new Clock(f.awareAt(), "the assessment as notifiable (awareness time: none given)");
                case "materiality_determination" -> new Clock(j.materialityDeterminedAt(), "the materiality determination");
                case "consumer_notice_sent" -> new Clock(f.individualNoticeSentAt().get(r.regimeId()),
                        "the individual notice was sent");
                case "authority_notice_sent" -> new Clock(f.authorityNoticeSentAt().get(r.regimeId()),
                        "the initial authority notice was sent");
                case "incident_handling_closed" -> new Clock(j.handlingClosedAt(), "incident handling closed");
                case "extortion_payment_made" -> new Clock(j.ransomPaidAt(), "the extortion payment");
                case "calendar_year_end" -> new Clock(discovery == null ? null
                        : DeadlineCalculator.endOfDay(LocalDate.of(discovery.atZone(zone).getYear(), 12, 31), zone),
                        "the end of the calendar year of discovery");
                default -> throw new IllegalStateException("clock start " + event);
            };
        }

        private Evaluation.SubstituteOffer substitute(ObligationDraft individual, List<ObligationDraft> drafts) {
            SubstituteRule s = r.substituteNotice();
            String key = null;
            if (individual != null) {
                List<String> held = new ArrayList<>();
                for (SubstituteRule.Condition c : s.conditions()) {
                    String h = substituteCondition(c);
                    if (h != null) {
                        held.add(h);
                    }
                }
                if (!held.isEmpty()) {
                    boolean residual = s.residualCoverage() != null && s.residualCoverage();
                    String components = s.components().stream().map(c -> c.type() + (c.minDays() == null ? ""
                            : " ≥ " + c.minDays() + " days")).collect(Collectors.joining(s.allRequired() != null
                                    && s.allRequired() ? " + " : " or "));
                    String reason = r.regimeId() + " (" + String.join("; ", r.citations()) + "): substitute notice "
                            + "is allowed because " + String.join(" and ", held) + "; it consists of " + components
                            + (residual ? "; it covers only the people who cannot be reached" : "; it covers the whole class")
                            + (s.requiresDemonstrationTo() == null ? "" : "; the conditions must be shown to "
                                    + s.requiresDemonstrationTo())
                            + ". Due with the individual notice: " + individual.dueBasis() + ".";
                    ObligationDraft d = new ObligationDraft(ObligationDraft.keyOf(r.regimeId(),
                            ObligationKind.SUBSTITUTE_NOTICE, "PUBLIC", "initial", r.jurisdiction()),
                            ObligationKind.SUBSTITUTE_NOTICE, r.regimeId(), r.jurisdiction(), "PUBLIC", "initial",
                            individual.dueAt(), individual.dueBasis(), reason, r.citations(),
                            weakest(r.confidence(), s.confidence()), residual ? unreachable : residents, false,
                            individual.terms());
                    drafts.add(d);
                    key = d.key();
                }
            }
            return new Evaluation.SubstituteOffer(r.regimeId(), r.jurisdiction(), r.citations(),
                    r.coverage().countries(), r.coverage().regions(), s, weakest(r.confidence(), s.confidence()), key);
        }

        /** Null when the condition cannot be shown from the facts; else its words with the numbers. */
        private String substituteCondition(SubstituteRule.Condition c) {
            switch (c.type()) {
                case "affected_exceeds": {
                    Condition.Count count = new Condition.Count(c.comparator() == null ? "gt" : c.comparator(),
                            c.count(), "residents");
                    return count.holds(residents) ? residents + " affected " + count.symbol() + " " + c.count() : null;
                }
                case "insufficient_contact_info": {
                    long min = c.count() == null ? 1 : c.count();
                    String cmp = c.comparator() == null ? "gte" : c.comparator();
                    Condition.Count count = new Condition.Count(cmp, min, "unreachable");
                    return unreachable > 0 && count.holds(unreachable) ? unreachable
                            + " affected subjects have no contact point" + (c.count() == null ? ""
                                    : " (" + count.symbol() + " " + c.count() + ")") : null;
                }
                case "cost_exceeds": {
                    Long cost = f.judgement().noticeCostUsd();
                    return cost != null && c.amount() != null && cost > c.amount()
                            ? "the cost of notice (" + cost + " USD) > " + c.amount() + " " + c.currency() : null;
                }
                default:
                    return null;
            }
        }

        // ---- conditions --------------------------------------------------------------------------

        private Verdict condition(Condition c, long res, long unr) {
            if (c.allOf() != null) {
                List<String> texts = new ArrayList<>();
                for (Condition part : c.allOf()) {
                    Verdict v = condition(part, res, unr);
                    if (!v.holds()) {
                        return v;
                    }
                    texts.add(v.text());
                }
                return new Verdict(true, String.join(" and ", texts));
            }
            if (c.anyOf() != null) {
                List<String> held = new ArrayList<>();
                List<String> failed = new ArrayList<>();
                for (Condition part : c.anyOf()) {
                    Verdict v = condition(part, res, unr);
                    (v.holds() ? held : failed).add(v.text());
                }
                return held.isEmpty() ? new Verdict(false, "none of: " + String.join(", ", failed))
                        : new Verdict(true, String.join(" and ", held));
            }
            if (c.not() != null) {
                Verdict v = condition(c.not(), res, unr);
                return new Verdict(!v.holds(), v.text());
            }
            if (c.count() != null) {
                Condition.Count k = c.count();
                long actual = switch (k.basis()) {
                    case "total" -> f.totalSubjects();
                    case "unreachable" -> unr;
                    default -> res;
                };
                String what = switch (k.basis()) {
                    case "total" -> "affected subjects in all" + (f.scopeDefined() ? "" : " (estimate)");
                    case "unreachable" -> "affected subjects without a contact point";
                    default -> "affected subjects in " + r.jurisdiction();
                };
                boolean holds = k.holds(actual);
                return new Verdict(holds, actual + " " + what + " " + (holds ? "" : "not ") + k.symbol() + " " + k.value());
            }
            if (c.harm() != null) {
                return harm(c.harm());
            }
            if (c.categoriesAny() != null) {
                Set<String> hit = f.categories().stream().map(Enum::name).filter(c.categoriesAny()::contains)
                        .collect(Collectors.toCollection(java.util.TreeSet::new));
                return new Verdict(!hit.isEmpty(), hit.isEmpty() ? "none of " + c.categoriesAny() + " exposed"
                        : "exposed " + hit);
            }
            if (c.causesAny() != null) {
                CauseFamily cause = f.cause();
                boolean holds = cause != null && c.causesAny().contains(cause.name());
                return new Verdict(holds, "cause " + (cause == null ? "unknown" : cause.name())
                        + (holds ? " is one of " : " is not one of ") + c.causesAny());
            }
            if (c.organisation() != null) {
                boolean negated = c.organisation().startsWith("!");
                String name = negated ? c.organisation().substring(1) : c.organisation();
                boolean value = organisationFact(name);
                return new Verdict(value != negated, "organisation is " + (value ? "" : "not ") + name.replace('_', ' '));
            }
            if (c.fact() != null) {
                return fact(c.fact(), res);
            }
            throw new IllegalStateException("empty condition in " + r.regimeId());
        }

        private Verdict fact(String name, long res) {
            Judgement j = f.judgement();
            return switch (name) {
                case "ransom_paid" -> new Verdict(j.ransomPaidAt() != null,
                        j.ransomPaidAt() != null ? "an extortion payment was made" : "no extortion payment recorded");
                case "external_attack" -> {
                    boolean holds = f.cause() == CauseFamily.HACKING || f.cause() == CauseFamily.MALWARE;
                    yield new Verdict(holds, "cause " + f.cause() + (holds ? " is" : " is not") + " an external attack");
                }
                case "wrongful_purpose" -> {
                    boolean holds = f.cause() == CauseFamily.HACKING || f.cause() == CauseFamily.MALWARE
                            || f.cause() == CauseFamily.MISUSE || f.cause() == CauseFamily.SOCIAL;
                    yield new Verdict(holds, "cause " + f.cause() + (holds ? " suggests" : " does not suggest")
                            + " a wrongful purpose");
                }
                case "minors_affected" -> {
                    long minors = f.population().stream().filter(p -> r.coverage().covers(p.country(), p.region()))
                            .mapToLong(Population::minors).sum();
                    yield new Verdict(minors > 0, minors + " minors affected");
                }
                case "possible_leak" -> new Verdict(f.exfiltration() == Exfiltration.POSSIBLE,
                        "exfiltration " + f.exfiltration());
                case "small_processing_agent" -> new Verdict(Judgement.yes(j.smallProcessingAgent()),
                        Judgement.yes(j.smallProcessingAgent()) ? "small processing agent" : "not a small processing agent");
                default -> throw new IllegalStateException("fact " + name + " in " + r.regimeId());
            };
        }

        private boolean organisationFact(String name) {
            return switch (name) {
                case "hipaa_covered_entity" -> f.organisation().hipaaCoveredEntity();
                case "listed_company" -> f.organisation().listedCompany();
                case "dfs_regulated" -> f.organisation().dfsRegulated();
                case "critical_infrastructure" -> f.organisation().criticalInfrastructure();
                default -> throw new IllegalStateException("organisation fact " + name + " in " + r.regimeId());
            };
        }

        private Verdict harm(String threshold) {
            String level = riskLevel();
            String judged = "risk to people judged " + level + riskSource();
            return switch (threshold) {
                case "none", "graded_severity" -> new Verdict(true, "no harm threshold");
                case "any_risk" -> new Verdict(!level.equals("unlikely"), judged
                        + (level.equals("unlikely") ? " (a risk is needed)" : " (any risk suffices)"));
                case "presumed_unless_low_probability" -> Judgement.yes(f.judgement().lowProbabilityOfCompromise())
                        ? new Verdict(false, "a documented assessment shows a low probability of compromise")
                        : new Verdict(true, "breach presumed: no documented low-probability assessment");
                case "material" -> f.judgement().materialityDeterminedAt() != null
                        ? new Verdict(true, "determined material on "
                                + DeadlineCalculator.UTC_TEXT.format(f.judgement().materialityDeterminedAt()))
                        : new Verdict(false, "not (yet) determined material");
                default -> new Verdict(level.equals("high"), judged + " (" + threshold.replace('_', ' ')
                        + (level.equals("high") ? " holds)" : " does not hold)"));
            };
        }

        private String riskLevel() {
            if (f.judgement().riskLevel() != null) {
                return f.judgement().riskLevel();
            }
            return switch (f.severity() == null ? "MEDIUM" : f.severity()) {
                case "LOW" -> "unlikely";
                case "HIGH", "CRITICAL" -> "high";
                default -> "risk";
            };
        }

        private String riskSource() {
            return f.judgement().riskLevel() != null ? "" : " (from severity " + f.severity() + ")";
        }

        private Verdict safeHarbour(String name) {
            Judgement j = f.judgement();
            String label = "'" + name.replace('_', ' ') + "' considered: ";
            return switch (name) {
                case "encryption_key_not_compromised", "advanced_encryption" -> {
                    EncryptionState e = f.encryption();
                    boolean holds = e == EncryptionState.ENCRYPTED_KEY_SAFE;
                    yield new Verdict(holds, label + (holds ? "applies (data encrypted, key not compromised)"
                            : "does not apply (" + (e == null ? "encryption not recorded" : switch (e) {
                                case UNENCRYPTED -> "data unencrypted";
                                case ENCRYPTED_KEY_COMPROMISED -> "encrypted, but the key was compromised too";
                                default -> e.name();
                            }) + ")"));
                }
                case "harm_effectively_avoided", "remedial_action_before_harm" -> flag(label,
                        j.harmEffectivelyAvoided(), "measures effectively avoid the harm");
                case "subsequent_measures_remove_high_risk" -> flag(label, j.highRiskNoLongerLikely(),
                        "later measures make high risk no longer likely");
                case "low_probability_of_compromise_documented" -> flag(label, j.lowProbabilityOfCompromise(),
                        "a documented assessment shows a low probability of compromise");
                case "internal_only" -> flag(label, j.confinedWithinOrganisation(), "the breach stayed within the organisation");
                case "no_likely_id_theft_after_le_consultation" -> flag(label,
                        j.noLikelyHarmAfterLawEnforcementConsultation(),
                        "after consulting law enforcement, identity theft or financial harm is not likely");
                default -> throw new IllegalStateException("safe harbour " + name + " in " + r.regimeId());
            };
        }

        private Verdict flag(String label, Boolean value, String text) {
            return Judgement.yes(value) ? new Verdict(true, label + "applies (" + text + ")")
                    : new Verdict(false, label + "does not apply (not recorded that " + text + ")");
        }
    }

    private record Scope(String jurisdiction, List<String> countries, List<String> regions, long residents,
            long unreachable) {
    }

    private static final List<String> CONFIDENCE = List.of("primary", "secondary", "unconfirmed");

    /** The weakest of the given confidences (primary > secondary > unconfirmed); nulls are ignored. */
    static String weakest(String... values) {
        String out = "primary";
        for (String v : values) {
            if (v != null && CONFIDENCE.indexOf(v) > CONFIDENCE.indexOf(out)) {
                out = v;
            }
        }
        return out;
    }

    private static String sortedNames(Set<DataCategory> cats) {
        return cats.stream().map(Enum::name).sorted().collect(Collectors.toCollection(LinkedHashSet::new)).toString();
    }
}
