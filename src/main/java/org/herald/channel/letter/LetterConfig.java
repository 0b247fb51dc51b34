package org.herald.channel.letter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How Herald sends letters: rendered for the console only (sandbox) or batched for a print house. */
@ConfigMapping(prefix = "herald.letter")
public interface LetterConfig {

    enum Mode { SANDBOX, PRINT_HOUSE }

    /** {@code sandbox} renders and keeps the PDF; {@code print-house} also queues it for the daily batch. */
    @WithDefault("sandbox")
    Mode mode();

    /** The sender's return address, printed above the addressee's in small type. */
    @WithDefault("Herald, Privacy Office")
    String returnAddress();

    /** When the day's batch is cut (Quarkus cron, seconds first). */
    @WithDefault("0 0 17 * * ?")
    String batchCron();
}
