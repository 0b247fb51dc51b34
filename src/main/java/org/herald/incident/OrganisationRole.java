package org.herald.incident;

/** The organisation's role for the data concerned: a processor tells its controller, a controller tells the world. */
public enum OrganisationRole {
    CONTROLLER,
    PROCESSOR
}
