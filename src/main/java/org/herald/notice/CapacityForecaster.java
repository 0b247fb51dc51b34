package org.herald.notice;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.herald.channel.Channel;
import org.herald.channel.ChannelSenders;
import org.herald.rules.IndividualNoticeTerms;

/**
 * How long a campaign takes at the configured provider rates, channel by channel (channels send in
 * parallel, each bounded by its provider's rate), and which obligation's due time it would miss.
 * Counts every notice on its first channel: fallbacks come later and are not foreseeable.
 */
@ApplicationScoped
public class CapacityForecaster {

    private final ChannelSenders senders;
    private final NoticeConfig config;

    CapacityForecaster(ChannelSenders senders, NoticeConfig config) {
        this.senders = senders;
        this.config = config;
    }

    public record ChannelForecast(String channel, String provider, long notices, double ratePerSecond,
            boolean rateConfigured, long seconds) {
    }

    public record ObligationForecast(UUID obligationId, String regimeId, Instant dueAt, boolean missed) {
    }

    public record Forecast(List<ChannelForecast> channels, long totalSeconds, Instant finishesAt,
            List<ObligationForecast> obligations, boolean missesADeadline) {
    }

    Forecast forecast(List<CampaignPlanner.PlannedNotice> planned, List<IndividualNoticeTerms> terms, Instant start) {
        Map<Channel, Long> counts = CampaignPlanner.firstChannels(planned);
        List<ChannelForecast> channels = new ArrayList<>();
        long total = 0;
        for (Map.Entry<Channel, Long> e : counts.entrySet()) {
            String provider = senders.providers().getOrDefault(e.getKey(), "none");
            Double configured = config.rate().get(provider);
            double rate = configured != null && configured > 0 ? configured : config.forecastUnlimitedRate();
            long seconds = (long) Math.ceil(e.getValue() / rate);
            total = Math.max(total, seconds);
            channels.add(new ChannelForecast(e.getKey().key(), provider, e.getValue(), rate, configured != null, seconds));
        }
        Instant finishes = start.plusSeconds(total);
        List<ObligationForecast> obligations = new ArrayList<>();
        boolean misses = false;
        for (IndividualNoticeTerms t : terms) {
            boolean missed = t.dueAt() != null && finishes.isAfter(t.dueAt());
            misses |= missed;
            obligations.add(new ObligationForecast(t.obligationId(), t.regimeId(), t.dueAt(), missed));
        }
        return new Forecast(channels, total, finishes, obligations, misses);
    }
}
