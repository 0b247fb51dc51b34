package org.herald.subject;

/** Whose contact point it is: the subject's own, their guardian's (minors) or their next of kin's (deceased). */
public enum ContactOwner {
    SUBJECT,
    GUARDIAN,
    NEXT_OF_KIN
}
