package org.herald.subject;

/** The kinds of contact point kept in the contact table; push registrations and postal addresses have their own. */
public enum ContactKind {
    EMAIL,
    PHONE
}
