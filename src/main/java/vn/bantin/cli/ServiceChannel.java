package vn.bantin.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@code trigger}, {@code history} and {@code schedule} reach a running serve, which holds the store, without a
 * network port: a Unix-domain socket beside the store ({@code var/bantin.sock}), 0600 in the store's 0700 folder, so
 * only the service's user can speak to it.
 *
 * <p>A request is one line, the command's arguments URL-encoded and separated by spaces; serve runs the command as
 * the CLI would, on its own store, and answers with its output line by line ({@code out …} or {@code err …}) and a
 * last line {@code exit N}. Both sides give up on a silent peer after a timeout: a frozen serve (SIGSTOP) costs the
 * client one sentence, and a client that connects and says nothing costs serve one thread for that long.
 */
final class ServiceChannel implements AutoCloseable {
    /** How long a client waits for each line of serve's answer, and serve for the request. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_CONVERSATIONS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(ServiceChannel.class);

    /** Runs one forwarded command, printing as the CLI would; returns its exit code. */
    @FunctionalInterface
    interface Handler {
        int handle(List<String> args, PrintWriter out, PrintWriter err);
    }

    private final ServerSocketChannel server;
    private final Path socket;
    private final Semaphore conversations = new Semaphore(MAX_CONVERSATIONS);

    private ServiceChannel(ServerSocketChannel server, Path socket) {
        this.server = server;
        this.socket = socket;
    }

    /**
     * Listens at {@code socket}, answering each request with {@code handler} in a thread of its own. A socket file
     * left by a serve that was killed is replaced; the caller holds the store, so no other serve is using it.
     */
    static ServiceChannel listen(Path socket, Handler handler) throws IOException {
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            if (Files.getFileStore(socket.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        ServiceChannel channel = new ServiceChannel(server, socket);
        Thread acceptor = new Thread(() -> channel.accept(handler), "bantin-channel");
        acceptor.setDaemon(true);
        acceptor.start();
        return channel;
    }

    Path socket() {
        return socket;
    }

    private void accept(Handler handler) {
        while (server.isOpen()) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.warn("The service socket {} stopped accepting: {}", socket, e.getMessage());
                }
                return;
            }
            if (!conversations.tryAcquire()) {
                answerBusy(client);
                continue;
            }
            Thread t = new Thread(() -> {
                try {
                    converse(client, handler);
                } finally {
                    conversations.release();
                }
            }, "bantin-channel-request");
            t.setDaemon(true);
            t.start();
        }
    }

    private static void answerBusy(SocketChannel client) {
        try (Conversation c = new Conversation(client)) {
            c.writeLine("err serve is answering " + MAX_CONVERSATIONS + " other requests; try again in a moment", TIMEOUT);
            c.writeLine("exit 1", TIMEOUT);
        } catch (IOException ignored) {
            // the client went away
        }
    }

    private static void converse(SocketChannel client, Handler handler) {
        try (Conversation c = new Conversation(client)) {
            String request = c.readLine(TIMEOUT);
            if (request == null) {
                return; // a look whether serve answers (run does that), or a client that went away
            }
            List<String> args = new ArrayList<>();
            for (String a : request.split(" ")) {
                args.add(URLDecoder.decode(a, StandardCharsets.UTF_8));
            }
            PrintWriter out = new PrintWriter(new LineWriter(c, "out "), true);
            PrintWriter err = new PrintWriter(new LineWriter(c, "err "), true);
            int code = handler.handle(args, out, err);
            out.flush();
            err.flush();
            c.writeLine("exit " + code, TIMEOUT);
        } catch (IOException | RuntimeException e) {
            LOG.warn("A request through the service socket was not answered: {}", e.getMessage());
        }
    }

    /** Stops listening and removes the socket file. */
    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
    }

    /** Whether a serve accepts connections at {@code socket} (the file of a killed serve refuses them). */
    static boolean answers(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Asks the serve listening at {@code socket} to run {@code args}, printing its answer to {@code out} and
     * {@code err}. Empty when no serve listens there: the caller opens the store itself.
     */
    static Optional<Integer> ask(Path socket, List<String> args, PrintWriter out, PrintWriter err, Duration timeout) {
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException refused) {
            return Optional.empty(); // left by a serve that was killed: nobody listens
        }
        try (Conversation c = new Conversation(channel)) {
            c.writeLine(String.join(" ", args.stream().map(a -> URLEncoder.encode(a, StandardCharsets.UTF_8)).toList()), timeout);
            String line;
            while ((line = c.readLine(timeout)) != null) {
                if (line.startsWith("out ")) {
                    out.println(line.substring(4));
                } else if (line.startsWith("err ")) {
                    err.println(line.substring(4));
                } else if (line.startsWith("exit ")) {
                    out.flush();
                    return Optional.of(Integer.parseInt(line.substring(5).strip()));
                }
            }
            err.println("error: serve closed its socket " + socket + " before answering; see serve's output");
        } catch (SocketTimeoutException e) {
            err.println("error: serve holds the store but did not answer within " + timeout.toSeconds() + " s through "
                    + socket + "; it may be stopped (SIGSTOP) or overloaded: check the serve process (systemctl status"
                    + " bantin, or kill -CONT its pid)");
        } catch (IOException | NumberFormatException e) {
            err.println("error: the conversation with serve through " + socket + " broke off (" + e.getMessage()
                    + "); see serve's output");
        }
        return Optional.of(Failures.FAILED);
    }

    /** Lines over a non-blocking channel, each read and write bounded by a timeout. */
    private static final class Conversation implements Closeable {
        private final SocketChannel channel;
        private final Selector selector;
        private final ByteBuffer in = ByteBuffer.allocate(8192);
        private byte[] line = new byte[256];
        private int length;

        Conversation(SocketChannel channel) throws IOException {
            this.channel = channel;
            channel.configureBlocking(false);
            this.selector = Selector.open();
            in.limit(0); // nothing read yet
        }

        /** The next line without its end, or null at the end of the stream. */
        String readLine(Duration timeout) throws IOException {
            while (true) {
                while (in.hasRemaining()) {
                    byte b = in.get();
                    if (b == '\n') {
                        String s = new String(line, 0, length, StandardCharsets.UTF_8);
                        length = 0;
                        return s;
                    }
                    if (length == MAX_LINE) {
                        throw new IOException("a line longer than " + MAX_LINE + " bytes");
                    }
                    if (length == line.length) {
                        line = Arrays.copyOf(line, Math.min(MAX_LINE, line.length * 2));
                    }
                    line[length++] = b;
                }
                in.clear();
                int n = channel.read(in);
                if (n == 0) {
                    await(SelectionKey.OP_READ, timeout);
                    n = channel.read(in);
                }
                in.flip();
                if (n < 0) {
                    return null;
                }
            }
        }

        void writeLine(String text, Duration timeout) throws IOException {
            ByteBuffer b = ByteBuffer.wrap((text.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                if (channel.write(b) == 0) {
                    await(SelectionKey.OP_WRITE, timeout);
                }
            }
        }

        private void await(int operation, Duration timeout) throws IOException {
            SelectionKey key = channel.register(selector, operation);
            try {
                if (selector.select(Math.max(1, timeout.toMillis())) == 0) {
                    throw new SocketTimeoutException("no answer within " + timeout.toSeconds() + " s");
                }
            } finally {
                key.interestOps(0);
                selector.selectedKeys().clear();
            }
        }

        @Override
        public void close() throws IOException {
            try {
                selector.close();
            } finally {
                channel.close();
            }
        }
    }

    /** A writer that sends each complete line with a prefix; what is left at the end goes out on flush. */
    private static final class LineWriter extends Writer {
        private final Conversation conversation;
        private final String prefix;
        private final StringBuilder pending = new StringBuilder();

        LineWriter(Conversation conversation, String prefix) {
            this.conversation = conversation;
            this.prefix = prefix;
        }

        @Override
        public void write(char[] chars, int offset, int count) throws IOException {
            for (int i = offset; i < offset + count; i++) {
                if (chars[i] == '\n') {
                    send();
                } else if (chars[i] != '\r') {
                    pending.append(chars[i]);
                }
            }
        }

        private void send() throws IOException {
            synchronized (conversation) {
                conversation.writeLine(prefix + pending, TIMEOUT);
            }
            pending.setLength(0);
        }

        @Override
        public void flush() throws IOException {
            if (pending.length() > 0) {
                send();
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
