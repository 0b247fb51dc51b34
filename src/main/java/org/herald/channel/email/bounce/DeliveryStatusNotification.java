package org.herald.channel.email.bounce;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * What an RFC 3464 delivery status notification says: the Message-ID of the message it is about
 * and, per recipient, the action ({@code failed}, {@code delayed}, {@code delivered}, …) and the
 * RFC 3463 status code. Addresses and diagnostic texts are read but never kept or logged.
 */
record DeliveryStatusNotification(String originalMessageId, List<RecipientStatus> recipients) {

    record RecipientStatus(String action, String status) {

        boolean hard() {
            return "failed".equals(action) && status.startsWith("5");
        }

        boolean soft() {
            return "delayed".equals(action) || ("failed".equals(action) && status.startsWith("4"));
        }

        boolean delivered() {
            return "delivered".equals(action) || "relayed".equals(action) || "expanded".equals(action);
        }
    }

    /** Reads a DSN from raw RFC 5322 bytes; empty when it is not a delivery status report. */
    static Optional<DeliveryStatusNotification> parse(InputStream raw) throws MessagingException, IOException {
        return parse(new MimeMessage(Session.getInstance(new Properties()), raw));
    }

    static Optional<DeliveryStatusNotification> parse(Part message) throws MessagingException, IOException {
        if (!message.isMimeType("multipart/report")) {
            return Optional.empty();
        }
        ContentType type = new ContentType(message.getContentType());
        String reportType = type.getParameter("report-type");
        if (reportType == null || !reportType.equalsIgnoreCase("delivery-status")) {
            return Optional.empty();
        }
        Multipart parts = (Multipart) message.getContent();
        List<RecipientStatus> recipients = new ArrayList<>();
        String messageId = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("message/delivery-status") || part.isMimeType("message/global-delivery-status")) {
                recipients.addAll(statusFields(bytes(part)));
            } else if (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")
                    || part.isMimeType("message/global") || part.isMimeType("message/global-headers")) {
                InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(bytes(part)));
                String id = headers.getHeader("Message-ID", null);
                if (id != null) {
                    messageId = id.trim();
                }
            }
        }
        if (messageId == null || recipients.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DeliveryStatusNotification(messageId, List.copyOf(recipients)));
    }

    /** The per-message block, then one block per recipient, separated by blank lines (RFC 3464 §2.1). */
    private static List<RecipientStatus> statusFields(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).replace("\r\n", "\n");
        List<RecipientStatus> out = new ArrayList<>();
        for (String block : text.split("\n\\s*\n")) {
            String action = null;
            String status = null;
            for (String line : block.replaceAll("\n[ \t]+", " ").split("\n")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                if (name.equals("action")) {
                    action = value.toLowerCase(Locale.ROOT);
                } else if (name.equals("status")) {
                    status = value.split("[\\s(]")[0];
                }
            }
            if (action != null && status != null) {
                out.add(new RecipientStatus(action, status));
            }
        }
        return out;
    }

    private static byte[] bytes(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof MimeMessage embedded) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            embedded.writeTo(out);
            return out.toByteArray();
        }
        if (content instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
