package org.herald.announcement;

import java.util.List;
import java.util.Set;

/** The decision an announcement was proposed on, as stored with it: each rule whose condition held. */
public record DecisionRecord(List<Rule> rules) {

    /**
     * @param wholeClass the announcement replaces individual notice for everyone the rule covers
     * @param emailWhereAvailable the rule still requires e-mail to those with an address
     * @param mediaComponents the media components the rule's substitute notice includes
     */
    public record Rule(String regimeId, String jurisdiction, List<String> citations, Set<String> coveredCountries,
            Set<String> coveredRegions, boolean wholeClass, boolean emailWhereAvailable, long coveredByAnnouncement,
            List<String> mediaComponents, String reason, List<ConditionCheck> checks) {
    }

    static final Set<String> MEDIA = Set.of("statewide_media", "print_and_broadcast_media", "major_media");

    static DecisionRecord of(SubstituteNoticeEvaluation evaluation) {
        return new DecisionRecord(evaluation.met().stream().map(d -> new Rule(d.regimeId(), d.jurisdiction(),
                d.terms().citations(), d.terms().coveredCountries(), d.terms().coveredRegions(),
                !d.terms().residualCoverage(),
                d.terms().components().stream().anyMatch(c -> "email_where_available".equals(c.type())),
                d.coveredByAnnouncement(),
                d.terms().components().stream().map(c -> c.type()).filter(MEDIA::contains).toList(), d.reason(),
                d.checks())).toList());
    }
}
