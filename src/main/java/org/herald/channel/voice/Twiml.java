package org.herald.channel.voice;

import java.util.Locale;

/** The TwiML of a notice call: the text read out in the person's language, repeated after a pause. */
final class Twiml {

    private Twiml() {
    }

    static String say(String text, Locale locale, String voice, int repeat) {
        String language = locale.toLanguageTag();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>");
        for (int i = 0; i < Math.max(1, repeat); i++) {
            if (i > 0) {
                xml.append("<Pause length=\"2\"/>");
            }
            xml.append("<Say voice=\"").append(escape(voice)).append("\" language=\"").append(escape(language)).append("\">")
                    .append(escape(text)).append("</Say>");
        }
        return xml.append("</Response>").toString();
    }

    /** The voice configured for a locale: exact tag, then language only, then the default. */
    static String voiceFor(Locale locale, VoiceConfig config) {
        String tag = locale.toLanguageTag();
        String voice = config.voices().get(tag);
        if (voice == null) {
            voice = config.voices().get(locale.getLanguage());
        }
        return voice != null ? voice : config.defaultVoice();
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
