package org.herald.incident;

/** Who found the incident: regulators ask, and external discovery often shortens the story. */
public enum DiscoveryMethod {
    INTERNAL,
    EXTERNAL,
    PARTNER,
    UNKNOWN
}
