package org.herald.rules.engine;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Where rule files come from and how deadlines are watched (docs/rules.md, docs/operations.md). */
@ConfigMapping(prefix = "herald.rules")
public interface RulesConfig {

    /**
     * A directory whose {@code *.yaml} files add regimes or replace shipped ones with the same
     * regime id; holiday calendars go in its {@code calendars/} sub-directory.
     */
    Optional<String> directory();

    /** How long before a due time the incident's team is alerted, e.g. 24 h and 4 h. */
    @WithDefault("PT24H,PT4H")
    List<Duration> alertLeadTimes();

    /** How often the deadline alert job looks for due and overdue obligations. */
    @WithDefault("5m")
    String alertEvery();
}
