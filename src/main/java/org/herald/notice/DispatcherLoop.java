package org.herald.notice;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;

/**
 * This instance's sending threads: each claims a batch, sends it, records it, and rests for
 * {@code idle-poll} when nothing is due. Several instances on one database share the work through
 * the claim; each worker has its own name, recorded on every attempt.
 */
@ApplicationScoped
public class DispatcherLoop {

    private static final Logger LOG = Logger.getLogger(DispatcherLoop.class);

    private final Dispatcher dispatcher;
    private final NoticeConfig config;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    DispatcherLoop(Dispatcher dispatcher, NoticeConfig config) {
        this.dispatcher = dispatcher;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.dispatcher().enabled()) {
            LOG.info("Notice dispatcher disabled on this instance");
            return;
        }
        running = true;
        for (int i = 1; i <= config.dispatcher().workers(); i++) {
            String worker = "herald-" + instance + "-" + i;
            Thread t = new Thread(() -> loop(worker), "notice-dispatch-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        LOG.infof("Notice dispatcher started: %d workers", threads.size());
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void loop(String worker) {
        long idle = config.dispatcher().idlePoll().toNanos();
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                if (dispatcher.runOnce(worker) == 0) {
                    LockSupport.parkNanos(idle);
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf(e, "Notice worker %s failed; trying again shortly", worker);
                LockSupport.parkNanos(idle);
            }
        }
    }
}
