package org.herald.subject.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.herald.audit.AuditLog;
import org.jboss.logging.Logger;

/**
 * The imports of this replica: a small managed executor runs them off the request threads, a
 * heartbeat tells other replicas they are alive, and a sweep marks imports whose replica went
 * silent as INTERRUPTED.
 */
@ApplicationScoped
public class ImportWorkers {

    private static final Logger LOG = Logger.getLogger(ImportWorkers.class);

    private final ImportJob job;
    private final SubjectImportRepository imports;
    private final AuditLog audit;
    private final Clock clock;
    private final ImportConfig config;
    private final ManagedExecutor executor;
    private final Set<UUID> local = ConcurrentHashMap.newKeySet();

    ImportWorkers(ImportJob job, SubjectImportRepository imports, AuditLog audit, Clock clock, ImportConfig config) {
        this.job = job;
        this.imports = imports;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
        this.executor = ManagedExecutor.builder()
                .maxAsync(Math.max(1, config.workers()))
                .maxQueued(-1)
                .propagated(ThreadContext.NONE)
                .cleared(ThreadContext.ALL_REMAINING)
                .build();
    }

    void submit(ImportJob.Ticket ticket) {
        local.add(ticket.id());
        executor.runAsync(() -> {
            try {
                job.run(ticket);
            } catch (RuntimeException e) {
                LOG.errorf("Import %s ended unexpectedly: %s", ticket.id(), e.getClass().getName());
            } finally {
                local.remove(ticket.id());
                ticket.spool().close();
            }
        });
    }

    /** Directory where upload bodies wait for their worker. */
    Path spoolDir() {
        return Path.of(config.spoolDir().orElse(System.getProperty("java.io.tmpdir"))).resolve("herald-imports");
    }

    @Scheduled(every = "60s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeatAndSweep() {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            imports.heartbeat(Set.copyOf(local), now);
            for (SubjectImport silent : imports.silentSince(now.minus(config.staleAfter()))) {
                if (local.contains(silent.id())) {
                    continue;
                }
                silent.interrupt(now);
                audit.recordAs("system", "subject-import", silent.id(), "interrupted",
                        Map.of("rowsRead", silent.rowsRead(), "accepted", silent.rowsAccepted(),
                                "rejected", silent.rowsRejected()));
            }
        });
        // A spool outlives its import only if the server stopped; a day is far beyond any import.
        ImportSpool.removeLeftovers(spoolDir(), 24L * 3600 * 1000, now.toEpochMilli());
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
