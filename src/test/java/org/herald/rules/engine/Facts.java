package org.herald.rules.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.herald.incident.BreachType;
import org.herald.incident.CauseFamily;
import org.herald.incident.DataCategory;
import org.herald.incident.EncryptionState;
import org.herald.incident.Exfiltration;
import org.herald.incident.OrganisationProfile;
import org.herald.incident.OrganisationRole;

/**
 * Incident facts for rule tests, written as a privacy officer would state them:
 * {@code anIncident().discovered("2026-03-02T08:00:00Z").residents("US", "US-CA", 612)}.
 * Defaults: a hacking breach of confidentiality, contact and government-id data, unencrypted,
 * severity HIGH, controller, discovered and aware on Monday 2 March 2026.
 */
final class Facts {

    private Instant now = Instant.parse("2026-03-03T12:00:00Z");
    private Set<BreachType> breachTypes = EnumSet.of(BreachType.CONFIDENTIALITY);
    private CauseFamily cause = CauseFamily.HACKING;
    private Set<DataCategory> categories = EnumSet.of(DataCategory.CONTACT, DataCategory.GOVERNMENT_ID);
    private EncryptionState encryption = EncryptionState.UNENCRYPTED;
    private Exfiltration exfiltration = Exfiltration.CONFIRMED;
    private Instant detectedAt = Instant.parse("2026-03-02T08:00:00Z");
    private Instant awareAt = Instant.parse("2026-03-02T10:30:00Z");
    private Long estimated;
    private String severity = "HIGH";
    private OrganisationRole role = OrganisationRole.CONTROLLER;
    private List<String> establishment = List.of();
    private boolean hipaa;
    private boolean listed;
    private boolean cii;
    private boolean dfs;
    private boolean scopeDefined = true;
    private final List<Population> population = new ArrayList<>();
    private Judgement judgement = Judgement.NONE;
    private final Map<String, Instant> sent = new HashMap<>();
    private final Map<String, Instant> reported = new HashMap<>();

    static Facts anIncident() {
        return new Facts();
    }

    Facts residents(String country, String region, long n) {
        population.add(new Population(country, region, n, 0, 0, 0));
        return this;
    }

    Facts residents(String country, String region, long n, long minors, long unreachable) {
        population.add(new Population(country, region, n, minors, 0, unreachable));
        return this;
    }

    Facts noScope(long estimate) {
        scopeDefined = false;
        estimated = estimate;
        return this;
    }

    Facts discovered(String instant) {
        detectedAt = Instant.parse(instant);
        return this;
    }

    Facts aware(String instant) {
        awareAt = Instant.parse(instant);
        return this;
    }

    Facts now(String instant) {
        now = Instant.parse(instant);
        return this;
    }

    Facts categories(DataCategory... c) {
        categories = c.length == 0 ? Set.of() : EnumSet.of(c[0], c);
        return this;
    }

    Facts encryption(EncryptionState e) {
        encryption = e;
        return this;
    }

    Facts exfiltration(Exfiltration e) {
        exfiltration = e;
        return this;
    }

    Facts cause(CauseFamily c) {
        cause = c;
        return this;
    }

    Facts severity(String s) {
        severity = s;
        return this;
    }

    Facts processor() {
        role = OrganisationRole.PROCESSOR;
        return this;
    }

    Facts establishedIn(String... countries) {
        establishment = List.of(countries);
        return this;
    }

    Facts hipaaCoveredEntity() {
        hipaa = true;
        return this;
    }

    Facts listedCompany() {
        listed = true;
        return this;
    }

    Facts criticalInfrastructure() {
        cii = true;
        return this;
    }

    Facts dfsRegulated() {
        dfs = true;
        return this;
    }

    Facts judged(Judgement j) {
        judgement = j;
        return this;
    }

    Facts individualNoticeSent(String regimeId, String at) {
        sent.put(regimeId, Instant.parse(at));
        return this;
    }

    Facts authorityNoticeSent(String regimeId, String at) {
        reported.put(regimeId, Instant.parse(at));
        return this;
    }

    AssessmentFacts build() {
        return new AssessmentFacts(UUID.nameUUIDFromBytes("rules-test".getBytes()), now, breachTypes, cause, categories,
                encryption, exfiltration, detectedAt, awareAt, estimated, severity,
                new OrganisationProfile(role, establishment, hipaa, listed, cii, dfs), scopeDefined, population,
                judgement, sent, reported);
    }

    /** A judgement with only the risk level set. */
    static Judgement risk(String level) {
        return new Judgement(level, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static JudgementBuilder judgement() {
        return new JudgementBuilder();
    }

    /** Builds a {@link Judgement} field by field. */
    static final class JudgementBuilder {
        String riskLevel;
        Instant determinedAt;
        Instant assessedNotifiableAt;
        Instant materialityDeterminedAt;
        Instant ransomPaidAt;
        Instant handlingClosedAt;
        Boolean harmAvoided;
        Boolean highRiskGone;
        Boolean lowProbability;
        Boolean internal;
        Boolean leConsulted;
        Boolean smallAgent;
        Long cost;

        JudgementBuilder risk(String level) {
            riskLevel = level;
            return this;
        }

        JudgementBuilder determined(String at) {
            determinedAt = Instant.parse(at);
            return this;
        }

        JudgementBuilder assessedNotifiable(String at) {
            assessedNotifiableAt = Instant.parse(at);
            return this;
        }

        JudgementBuilder material(String at) {
            materialityDeterminedAt = Instant.parse(at);
            return this;
        }

        JudgementBuilder ransomPaid(String at) {
            ransomPaidAt = Instant.parse(at);
            return this;
        }

        JudgementBuilder handlingClosed(String at) {
            handlingClosedAt = Instant.parse(at);
            return this;
        }

        JudgementBuilder harmAvoided() {
            harmAvoided = true;
            return this;
        }

        JudgementBuilder highRiskNoLongerLikely() {
            highRiskGone = true;
            return this;
        }

        JudgementBuilder lowProbabilityOfCompromise() {
            lowProbability = true;
            return this;
        }

        JudgementBuilder confinedWithinOrganisation() {
            internal = true;
            return this;
        }

        JudgementBuilder noLikelyHarmAfterLawEnforcement() {
            leConsulted = true;
            return this;
        }

        JudgementBuilder smallAgent() {
            smallAgent = true;
            return this;
        }

        JudgementBuilder noticeCost(long usd) {
            cost = usd;
            return this;
        }

        Judgement build() {
            return new Judgement(riskLevel, determinedAt, assessedNotifiableAt, materialityDeterminedAt, ransomPaidAt,
                    handlingClosedAt, harmAvoided, highRiskGone, lowProbability, internal, leConsulted, smallAgent, cost);
        }
    }
}
