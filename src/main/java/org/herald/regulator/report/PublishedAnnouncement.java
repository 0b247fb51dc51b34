package org.herald.regulator.report;

import java.time.Instant;

/**
 * The incident's public announcement (substitute notice) as a report states it: when it went up,
 * when it last changed, where the public reads it, and when it was withdrawn, if it was.
 */
public record PublishedAnnouncement(Instant publishedAt, Instant updatedAt, String publicUrl, Instant withdrawnAt) {
}
