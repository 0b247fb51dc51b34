package org.herald.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Recomputes the audit chain from the table and names the first entry that does not hold. */
@ApplicationScoped
public class AuditChainVerifier {

    private static final int BATCH = 1_000;

    private final AuditEntryRepository entries;

    AuditChainVerifier(AuditEntryRepository entries) {
        this.entries = entries;
    }

    /** The outcome of a verification; {@code firstBroken} is empty when the chain holds. */
    public record Verification(boolean valid, long entriesChecked, String headHash, BrokenEntry firstBroken) {
    }

    /** The first entry whose stored values do not match the chain, and why. */
    public record BrokenEntry(long seq, String reason) {
    }

    @Transactional
    public Verification verify() {
        long expectedSeq = 1;
        String prev = AuditHashing.GENESIS;
        long checked = 0;
        long after = 0;
        while (true) {
            List<AuditEntry> batch = entries.pageFrom(after, BATCH);
            if (batch.isEmpty()) {
                return new Verification(true, checked, prev, null);
            }
            for (AuditEntry e : batch) {
                if (e.seq() != expectedSeq) {
                    return broken(checked, prev, expectedSeq, "entry " + expectedSeq + " is missing");
                }
                if (!e.prevHash().equals(prev)) {
                    return broken(checked, prev, e.seq(), "does not link to the hash of entry " + (e.seq() - 1));
                }
                if (!AuditHashing.hashOf(e).equals(e.hash())) {
                    return broken(checked, prev, e.seq(), "content does not match its hash (altered after it was written)");
                }
                prev = e.hash();
                checked++;
                expectedSeq++;
                after = e.seq();
            }
            entries.getEntityManager().clear();
        }
    }

    private static Verification broken(long checked, String prev, long seq, String reason) {
        return new Verification(false, checked, prev, new BrokenEntry(seq, reason));
    }
}
