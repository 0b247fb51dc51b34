package org.herald.notice;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the rendered {@code letter.html} wording (an HTML page, as legal writes it) into what the
 * letter channel lays out under the address block: the body's content as a well-formed XHTML
 * fragment. Void elements are closed ({@code <br>} → {@code <br/>}) and the named entity HTML
 * authors use most ({@code &nbsp;}) becomes its numeric form; the rest of the wording must already
 * be well formed (closed paragraphs, no other named entities).
 */
final class LetterBody {

    private static final Pattern BODY = Pattern.compile("<body[^>]*>(.*)</body\\s*>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern VOID = Pattern.compile(
            "<(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)(\\b[^>]*?)\\s*/?>", Pattern.CASE_INSENSITIVE);

    private LetterBody() {
    }

    static String xhtmlFragment(String html) {
        if (html == null) {
            return null;
        }
        Matcher body = BODY.matcher(html);
        String inner = body.find() ? body.group(1) : html;
        Matcher m = VOID.matcher(inner);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(
                    "<" + m.group(1).toLowerCase(Locale.ROOT) + m.group(2) + "/>"));
        }
        m.appendTail(out);
        return out.toString().replace("&nbsp;", "&#160;").strip();
    }
}
