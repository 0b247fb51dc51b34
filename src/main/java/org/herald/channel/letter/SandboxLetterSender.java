package org.herald.channel.letter;

import jakarta.enterprise.context.ApplicationScoped;
import org.herald.channel.Channel;
import org.herald.channel.ChannelSender;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.OutgoingMessage;

/** The embedded default for letters: rendered to PDF and kept for the console, never printed. */
@ApplicationScoped
public class SandboxLetterSender implements ChannelSender {

    static final String PROVIDER = "sandbox";

    private final LetterOffice office;

    SandboxLetterSender(LetterOffice office) {
        this.office = office;
    }

    @Override
    public Channel channel() {
        return Channel.LETTER;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public DeliveryOutcome send(OutgoingMessage m) {
        Letter letter = office.store(m, Letter.Status.SANDBOX);
        return DeliveryOutcome.delivered(PROVIDER, letter.barcode(), letter.pages() + "p",
                "rendered as a PDF in the sandbox (console: Letters)");
    }
}
