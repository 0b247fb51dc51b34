package org.herald.rules;

/** What an obligation asks the organisation to do, and of whom. */
public enum ObligationKind {
    /** Notify a supervisory authority or regulator (GDPR Art. 33, HHS, PDPC, ...). */
    AUTHORITY_NOTICE,
    /** Notify each affected person (GDPR Art. 34, state statutes, PIPL Art. 57). */
    INDIVIDUAL_NOTICE,
    /** Public announcement in place of (or in addition to) individual notice. */
    SUBSTITUTE_NOTICE,
    /** Notice to prominent media outlets (HIPAA > 500 residents of a state). */
    MEDIA_NOTICE,
    /** Notice to consumer reporting agencies (NY > 5,000, TX > 10,000, FL > 1,000). */
    CRA_NOTICE,
    /** Notice or sample-notice submission to a state attorney general. */
    AG_NOTICE
}
