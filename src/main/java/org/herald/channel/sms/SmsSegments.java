package org.herald.channel.sms;

/**
 * How an SMS text travels: its encoding, its length in that encoding's units, and how many
 * segments (billable parts) it takes.
 *
 * @param encoding GSM-7 when every character is in the GSM 03.38 tables, otherwise UCS-2
 * @param units septets for GSM-7 (extension characters count two), UTF-16 code units for UCS-2
 * @param segments parts the network delivers; an empty text still takes one
 */
public record SmsSegments(SmsEncoding encoding, int units, int segments) {

    /** Segments beyond which a text is flagged at planning and logged at sending (cost, and carriers split oddly). */
    public static final int WARNING_THRESHOLD = 2;

    /** Units one segment holds in a multi-part message (a 6-byte header takes the rest). */
    public int unitsPerSegment() {
        return segments <= 1 ? encoding.singleSegmentUnits() : encoding.multiSegmentUnits();
    }

    /** Whether this text is longer than Herald likes an SMS to be. */
    public boolean exceedsWarningThreshold() {
        return segments > WARNING_THRESHOLD;
    }
}
