package org.herald.rules.engine;

/** A rule or calendar file that cannot be used: names the file, the path inside it and the reason. */
public class InvalidRuleFile extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidRuleFile(String file, String problem) {
        super("Rule file " + file + " is invalid: " + problem);
    }

    public InvalidRuleFile(String file, String problem, Throwable cause) {
        super("Rule file " + file + " is invalid: " + problem, cause);
    }
}
