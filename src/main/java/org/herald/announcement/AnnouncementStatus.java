package org.herald.announcement;

/** Where an announcement stands: proposed (awaiting an officer), published (public), withdrawn (gone from the public pages). */
public enum AnnouncementStatus {
    PROPOSED,
    PUBLISHED,
    WITHDRAWN
}
