package org.herald.incident;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of incident intake. */
@ConfigMapping(prefix = "herald.incident")
public interface IncidentConfig {

    /**
     * How far in the future a recorded time may lie before it is refused: the clocks of the
     * analyst's laptop and of the server differ a little, facts from the future do not exist.
     */
    @WithDefault("PT5M")
    Duration clockSkew();
}
