package org.herald.announcement;

/** Request bodies of the announcement API. */
public final class AnnouncementRequests {

    private AnnouncementRequests() {
    }

    /**
     * @param judgement a privacy officer's reason why individual notice takes disproportionate effort, if judged so
     * @param helpNumber the toll-free number people can call, required when a rule requires one
     */
    public record Proposal(String judgement, String helpNumber) {
    }

    /** Publication; the help number may be given or corrected at this step. */
    public record Publication(String helpNumber) {
    }

    /** @param note what changed, shown in the public revision history */
    public record Revision(String note, String helpNumber) {
    }

    public record Withdrawal(String reason) {
    }

    public record MediaDone(String evidence) {
    }
}
