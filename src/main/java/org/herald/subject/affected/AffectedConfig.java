package org.herald.subject.affected;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of affected-subject determination. */
@ConfigMapping(prefix = "herald.subject.affected")
public interface AffectedConfig {

    /**
     * Longest a scope computation or list upload may run in its single transaction. Replacing an
     * affected set of millions of subjects takes seconds to a few minutes; the transaction
     * manager's default of 60 s would cut the largest ones off.
     */
    @WithDefault("PT15M")
    Duration transactionTimeout();
}
