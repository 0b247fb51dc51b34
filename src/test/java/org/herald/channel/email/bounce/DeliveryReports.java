package org.herald.channel.email.bounce;

import java.util.UUID;

/** Delivery status notifications (RFC 3464) as Postfix writes them, for tests; test domains only. */
public final class DeliveryReports {

    private DeliveryReports() {
    }

    /**
     * A report about one recipient of the message with the given Message-ID: human part, machine part
     * and the returned message's headers.
     *
     * @param action RFC 3464 action, e.g. {@code failed} (hard) or {@code delayed} (soft)
     * @param status RFC 3463 status, e.g. {@code 5.1.1}
     */
    public static String report(String messageId, String recipient, String action, String status) {
        return """
                From: MAILER-DAEMON@mx.example.com (Mail Delivery System)
                To: bounces@example.org
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <%s@mx.example.com>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="B-1"

                --B-1
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host mx.example.com. Your message could not be delivered.

                --B-1
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.com
                Arrival-Date: Mon,  2 Mar 2026 09:30:00 +0000 (UTC)

                Final-Recipient: rfc822; %s
                Original-Recipient: rfc822;%s
                Action: %s
                Status: %s
                Diagnostic-Code: smtp; 550 5.1.1 <%s>: Recipient address rejected

                --B-1
                Content-Type: text/rfc822-headers

                From: Herald Notices <notices@herald.example.org>
                To: %s
                Subject: Important notice about your data
                Message-ID: %s

                --B-1--
                """.formatted(UUID.randomUUID(), recipient, recipient, action, status, recipient, recipient, messageId)
                .replace("\n", "\r\n");
    }
}
