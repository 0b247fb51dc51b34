package org.herald.channel.letter;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.herald.channel.Channel;
import org.herald.channel.ChannelSender;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.OutgoingMessage;

/**
 * Letters for a print house: rendered, queued, and cut into one batch a day (merged PDF + CSV
 * manifest, downloaded by an operator). A queued letter has not left Herald: the outcome is HELD,
 * and the letter counts as sent only when its batch is marked "handed to print" (ACCEPTED feedback,
 * see {@link LetterOffice#handedToPrint}).
 */
@ApplicationScoped
public class PrintHouseLetterSender implements ChannelSender {

    private final LetterOffice office;
    private final LetterConfig config;

    PrintHouseLetterSender(LetterOffice office, LetterConfig config) {
        this.office = office;
        this.config = config;
    }

    @Override
    public Channel channel() {
        return Channel.LETTER;
    }

    @Override
    public String provider() {
        return LetterOffice.PRINT_PROVIDER;
    }

    @Override
    public DeliveryOutcome send(OutgoingMessage m) {
        Letter letter = office.store(m, Letter.Status.QUEUED);
        return DeliveryOutcome.held(LetterOffice.PRINT_PROVIDER, letter.barcode(), "queued",
                "rendered and queued for the next print batch");
    }

    @Scheduled(cron = "${herald.letter.batch-cron:0 0 17 * * ?}", identity = "letter-batch",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dailyBatch() {
        if (config.mode() == LetterConfig.Mode.PRINT_HOUSE) {
            office.cutBatch();
        }
    }
}
