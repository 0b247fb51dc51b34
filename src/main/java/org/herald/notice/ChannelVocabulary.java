package org.herald.notice;

import java.util.Locale;
import java.util.Optional;
import org.herald.channel.Channel;

/** Maps the rules' channel vocabulary onto Herald's channels. */
final class ChannelVocabulary {

    private ChannelVocabulary() {
    }

    /** {@code email}, {@code sms}, {@code phone}, {@code push}, {@code postal_mail}, {@code first_class_mail}; others none. */
    static Optional<Channel> channelOf(String ruleWord) {
        if (ruleWord == null) {
            return Optional.empty();
        }
        return switch (ruleWord.trim().toLowerCase(Locale.ROOT)) {
            case "email", "e-mail" -> Optional.of(Channel.EMAIL);
            case "sms", "text_message" -> Optional.of(Channel.SMS);
            case "phone", "voice", "telephone" -> Optional.of(Channel.VOICE);
            case "push", "push_notification" -> Optional.of(Channel.PUSH);
            case "postal_mail", "first_class_mail", "letter", "mail" -> Optional.of(Channel.LETTER);
            default -> Optional.empty();
        };
    }
}
