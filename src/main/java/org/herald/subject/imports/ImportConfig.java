package org.herald.subject.imports;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the streaming subject import. */
@ConfigMapping(prefix = "herald.subject.import")
public interface ImportConfig {

    /**
     * Rows validated in memory and written per transaction. 5,000 keeps a batch to a few megabytes
     * and a commit every fraction of a second, so progress stays fresh and memory flat.
     */
    @WithDefault("5000")
    int batchSize();

    /** Imports run at the same time on one replica; more queue. Each import keeps one database connection busy. */
    @WithDefault("1")
    int workers();

    /** Largest import body accepted (streamed to disk, never held in memory). */
    @WithDefault("10G")
    MemorySize maxBodySize();

    /** Where upload bodies are spooled (encrypted with a one-off key) until processed. Default: the JVM's temp directory. */
    Optional<String> spoolDir();

    /** A running import whose progress has not moved for this long is marked INTERRUPTED (its replica stopped). */
    @WithDefault("PT10M")
    Duration staleAfter();

    /** Longest CSV record or NDJSON line; a longer one ends the import, since the rest cannot be framed safely. */
    @WithDefault("1M")
    MemorySize maxRowSize();
}
