package org.herald.channel.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A tiny SMTP server whose replies a test scripts per recipient: enough of RFC 5321 for Jakarta
 * Mail to send to it, and to make it say 550, 451, 554 … or nothing at all. It counts sessions,
 * so a test can see connections being reused.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread acceptor;
    private final Map<String, String> rcptReplies = new ConcurrentHashMap<>();
    private final Map<String, String> dataReplies = new ConcurrentHashMap<>();
    private final Map<String, Boolean> silentOnRcpt = new ConcurrentHashMap<>();
    private final Map<String, Boolean> hangUpAfterData = new ConcurrentHashMap<>();
    private final Map<String, Boolean> silentAfterData = new ConcurrentHashMap<>();
    private final AtomicInteger sessions = new AtomicInteger();
    private final List<String> acceptedRecipients = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile String mailFromReply = "250 2.1.0 Ok";
    private volatile boolean pipelining;
    private volatile boolean dataWithoutRecipients;
    private volatile boolean watchForPipelining;
    private final List<Boolean> envelopeAhead = new CopyOnWriteArrayList<>();

    private ScriptedSmtpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static ScriptedSmtpServer start() throws IOException {
        return new ScriptedSmtpServer();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The reply to {@code RCPT TO:<address>}, e.g. {@code 550 5.1.1 <address>: unknown}. */
    ScriptedSmtpServer replyToRcpt(String address, String reply) {
        rcptReplies.put(address.toLowerCase(Locale.ROOT), reply);
        return this;
    }

    /** The reply after the message data for this recipient, e.g. {@code 554 5.7.1 rejected}. */
    ScriptedSmtpServer replyToData(String address, String reply) {
        dataReplies.put(address.toLowerCase(Locale.ROOT), reply);
        return this;
    }

    /** The reply to every {@code MAIL FROM}, e.g. {@code 530 5.7.0 Authentication required}. */
    ScriptedSmtpServer replyToMailFrom(String reply) {
        mailFromReply = reply;
        return this;
    }

    /** Announces {@code PIPELINING} (RFC 2920) after {@code EHLO}. */
    ScriptedSmtpServer announcePipelining(boolean announce) {
        pipelining = announce;
        return this;
    }

    /**
     * Answers {@code DATA} with 354 even when no recipient was accepted, as a broken relay might;
     * a conforming one refuses it (554), which is this server's default.
     */
    ScriptedSmtpServer answerDataWithoutRecipients() {
        dataWithoutRecipients = true;
        return this;
    }

    /**
     * Before answering each {@code MAIL FROM}, waits up to 300 ms for the client's next command and
     * records whether it came unprompted (the client pipelined) or not at all (the client waits for
     * the reply): see {@link #envelopeArrivedWithMailFrom()}.
     */
    ScriptedSmtpServer watchForPipelining() {
        watchForPipelining = true;
        return this;
    }

    /** For each {@code MAIL FROM} while watching, whether the next command arrived before the reply. */
    List<Boolean> envelopeArrivedWithMailFrom() {
        return List.copyOf(envelopeAhead);
    }

    /** Never answers {@code RCPT TO} for this address: the client's read timeout has to fire. */
    ScriptedSmtpServer silentOnRcpt(String address) {
        silentOnRcpt.put(address.toLowerCase(Locale.ROOT), true);
        return this;
    }

    /** Takes the message content for this recipient and never answers it. */
    ScriptedSmtpServer silentAfterData(String address) {
        silentAfterData.put(address.toLowerCase(Locale.ROOT), true);
        return this;
    }

    /** Accepts the message for this recipient, then drops the connection as a relay restarting would. */
    ScriptedSmtpServer hangUpAfterData(String address) {
        hangUpAfterData.put(address.toLowerCase(Locale.ROOT), true);
        return this;
    }

    int sessions() {
        return sessions.get();
    }

    /** Recipients of messages the server accepted (250 after DATA), in order. */
    List<String> accepted() {
        return List.copyOf(acceptedRecipients);
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        socket.close();
        for (Socket s : open) {
            s.close();
        }
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                sessions.incrementAndGet();
                Thread session = new Thread(() -> serve(client), "scripted-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
             OutputStream out = client.getOutputStream()) {
            reply(out, "220 scripted.test ESMTP");
            String recipient = null;
            boolean mail = false;
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                    reply(out, "250-scripted.test\r\n250-8BITMIME\r\n" + (pipelining ? "250-PIPELINING\r\n" : "")
                            + "250 SIZE 10485760");
                } else if (upper.startsWith("MAIL FROM")) {
                    if (watchForPipelining) {
                        envelopeAhead.add(nextCommandArrives(in, Duration.ofMillis(300)));
                    }
                    recipient = null;
                    mail = mailFromReply.startsWith("2");
                    reply(out, mailFromReply);
                } else if (upper.startsWith("RCPT TO") && !mail) {
                    reply(out, "503 5.5.1 Error: need MAIL command");
                } else if (upper.equals("DATA") && recipient == null && !dataWithoutRecipients) {
                    reply(out, mail ? "554 5.5.1 Error: no valid recipients" : "503 5.5.1 Error: need RCPT command");
                } else if (upper.startsWith("RCPT TO")) {
                    String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')).toLowerCase(Locale.ROOT);
                    if (silentOnRcpt.containsKey(address)) {
                        closed.await();
                        return;
                    }
                    String scripted = rcptReplies.get(address);
                    if (scripted == null) {
                        recipient = address;
                    }
                    reply(out, scripted != null ? scripted : "250 2.1.5 Ok");
                } else if (upper.equals("DATA")) {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        // message content is not inspected here; GreenMail tests look at content
                    }
                    if (line == null) {
                        return; // the client left in the middle of the content: no message
                    }
                    if (recipient != null && silentAfterData.containsKey(recipient)) {
                        closed.await();
                        return;
                    }
                    String scripted = recipient == null ? null : dataReplies.get(recipient);
                    if (scripted != null) {
                        reply(out, scripted);
                    } else {
                        acceptedRecipients.add(recipient);
                        reply(out, "250 2.0.0 Ok: queued");
                        if (recipient != null && hangUpAfterData.containsKey(recipient)) {
                            return;
                        }
                    }
                    recipient = null;
                    mail = false;
                } else if (upper.equals("RSET")) {
                    recipient = null;
                    mail = false;
                    reply(out, "250 2.0.0 Ok");
                } else if (upper.equals("NOOP")) {
                    reply(out, "250 2.0.0 Ok");
                } else if (upper.equals("QUIT")) {
                    reply(out, "221 2.0.0 Bye");
                    return;
                } else {
                    reply(out, "502 5.5.2 Command not recognized");
                }
            }
        } catch (SocketException e) {
            // the client or the test closed the connection
        } catch (IOException e) {
            // same: a session ends with its socket
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean nextCommandArrives(BufferedReader in, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!in.ready()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(1_000_000);
        }
        return true;
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
