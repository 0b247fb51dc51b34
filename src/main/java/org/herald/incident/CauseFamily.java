package org.herald.incident;

/** What caused an incident, as the VERIS action families name it (so the VERIS export maps one to one). */
public enum CauseFamily {
    HACKING,
    MALWARE,
    SOCIAL,
    MISUSE,
    PHYSICAL,
    ERROR,
    ENVIRONMENTAL,
    UNKNOWN
}
