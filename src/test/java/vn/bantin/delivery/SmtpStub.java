package vn.bantin.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mail server on loopback that answers what a test tells it to: the greeting, and the replies to MAIL, RCPT and
 * the end of DATA. Enough of
 * SMTP for Jakarta Mail (EHLO, MAIL, RCPT, DATA, RSET, QUIT); it counts connections and accepted messages.
 * GreenMail accepts every recipient, so this is how a test meets a server that refuses one.
 */
final class SmtpStub implements AutoCloseable {
    private final ServerSocket server;
    private final String greeting;
    private final String mailReply;
    private final String rcptReply;
    private final String dataReply;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger dataEnds = new AtomicInteger();
    private final java.util.List<String> messageIds = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.List<String> recipients = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Thread thread;
    /** How the server misbehaves, set before the client connects. */
    volatile Behaviour behaviour = Behaviour.NORMAL;
    /** How long the reply to the final dot takes (ms). */
    volatile long dotDelayMillis;
    /** Run when a message's final dot has come, before the delay and the reply. */
    volatile Runnable onDot = () -> { };
    /** Run when the client says QUIT, before the reply. */
    volatile Runnable onQuit = () -> { };

    /** Ways a server goes wrong. */
    enum Behaviour {
        NORMAL,
        /** Takes the connection and never says a word. */
        SILENT,
        /** Greets one byte at a time, a line of continuation after another, for ever (a tarpit). */
        DRIP,
        /** Takes the whole message, then drops the line without answering the final dot. */
        DROP_AFTER_DOT
    }

    SmtpStub(String greeting, String mailReply, String rcptReply, String dataReply) throws IOException {
        this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.greeting = greeting;
        this.mailReply = mailReply;
        this.rcptReply = rcptReply;
        this.dataReply = dataReply;
        this.thread = new Thread(this::serve, "smtp-stub");
        thread.setDaemon(true);
        thread.start();
    }

    /** A server that greets and then refuses every recipient with {@code rcptReply}. */
    static SmtpStub refusingRecipients(String rcptReply) throws IOException {
        return new SmtpStub("220 stub ESMTP", "250 OK", rcptReply, "250 OK queued");
    }

    /** A server that takes the recipient and answers the message itself with {@code dataReply}. */
    static SmtpStub answeringData(String dataReply) throws IOException {
        return new SmtpStub("220 stub ESMTP", "250 OK", "250 OK", dataReply);
    }

    /** A server that refuses the sender's address with {@code mailReply}. */
    static SmtpStub refusingSender(String mailReply) throws IOException {
        return new SmtpStub("220 stub ESMTP", mailReply, "250 OK", "250 OK queued");
    }

    /** A server that greets with {@code greeting} (a 4xx or 5xx one turns everyone away). */
    static SmtpStub greeting(String greeting) throws IOException {
        return new SmtpStub(greeting, "250 OK", "250 OK", "250 OK queued");
    }

    int port() {
        return server.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    int accepted() {
        return accepted.get();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                connections.incrementAndGet();
                talk(s);
            } catch (IOException e) {
                // closed, or the client went away
            }
        }
    }

    private void talk(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.US_ASCII);
        if (behaviour == Behaviour.SILENT) {
            // Reads until the client gives up and closes.
            while (in.read() >= 0) {
                // nothing to say
            }
            return;
        }
        if (behaviour == Behaviour.DRIP) {
            while (!s.isClosed()) {
                for (char c : "220-still here\r\n".toCharArray()) {
                    out.write(c);
                    out.flush();
                    pause(100);
                }
            }
            return;
        }
        say(out, greeting);
        if (!greeting.startsWith("220")) {
            return;
        }
        String line;
        while ((line = in.readLine()) != null) {
            String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
            switch (verb) {
                case "EHLO", "HELO" -> say(out, "250 stub");
                case "MAIL" -> say(out, mailReply);
                case "RSET", "NOOP" -> say(out, "250 OK");
                case "RCPT" -> {
                    if (rcptReply.startsWith("250")) {
                        recipients.add(line.replaceAll(".*<|>.*", "").toLowerCase(java.util.Locale.ROOT));
                    }
                    say(out, rcptReply);
                }
                case "DATA" -> {
                    say(out, "354 go on");
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        if (line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                            messageIds.add(line.substring(11).strip());
                        }
                    }
                    dataEnds.incrementAndGet();
                    if (behaviour == Behaviour.DROP_AFTER_DOT) {
                        return;
                    }
                    onDot.run();
                    pause(dotDelayMillis);
                    if (dataReply.startsWith("250")) {
                        accepted.incrementAndGet();
                    }
                    say(out, dataReply);
                }
                case "QUIT" -> {
                    onQuit.run();
                    say(out, "221 bye");
                    return;
                }
                default -> say(out, "502 not here");
            }
        }
    }

    /** Messages whose whole data reached the final dot, answered or not. */
    int dataEnds() {
        return dataEnds.get();
    }

    /** The address of each recipient taken (RCPT answered 250), in order. */
    java.util.List<String> recipients() {
        return recipients;
    }

    /** The Message-ID header of each message received, in order. */
    java.util.List<String> messageIds() {
        return messageIds;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void say(Writer out, String reply) throws IOException {
        out.write(reply + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
