package org.herald.channel.sms;

/** The two SMS alphabets and their segment sizes (3GPP TS 23.038, TS 23.040). */
public enum SmsEncoding {
    /** 7-bit GSM default alphabet: 160 septets alone, 153 per part when concatenated. */
    GSM_7(160, 153),
    /** UCS-2 (UTF-16 in practice): 70 code units alone, 67 per part when concatenated. */
    UCS_2(70, 67);

    private final int single;
    private final int multi;

    SmsEncoding(int single, int multi) {
        this.single = single;
        this.multi = multi;
    }

    public int singleSegmentUnits() {
        return single;
    }

    public int multiSegmentUnits() {
        return multi;
    }
}
