package vn.bantin.source;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Physical lines of a text file with their numbers (\n or \r\n), each at most {@link #MAX_LINE} characters:
 * a longer one is handed out cut, flagged, so that a file without line breaks cannot fill memory. Lines can be
 * pushed back to be read again (after a quote that never closed swallowed them).
 */
final class LineReader {
    static final int MAX_LINE = 1 << 20;

    record Line(long number, String text, boolean cut) {}

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int end;
    private long number;
    private final Deque<Line> pushedBack = new ArrayDeque<>();

    LineReader(Reader in) {
        this.in = in;
    }

    Line next() throws IOException {
        if (!pushedBack.isEmpty()) {
            return pushedBack.pop();
        }
        StringBuilder line = new StringBuilder();
        boolean cut = false;
        boolean any = false;
        while (true) {
            if (pos == end) {
                end = in.read(buf, 0, buf.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    return any ? done(line, cut) : null;
                }
            }
            any = true;
            int start = pos;
            while (pos < end && buf[pos] != '\n') {
                pos++;
            }
            int room = MAX_LINE - line.length();
            int take = pos - start;
            if (take > room) {
                cut = true;
                take = room;
            }
            line.append(buf, start, take);
            if (pos < end) {
                pos++; // the \n
                return done(line, cut);
            }
        }
    }

    private Line done(StringBuilder line, boolean cut) {
        int len = line.length();
        if (len > 0 && line.charAt(len - 1) == '\r') {
            line.setLength(len - 1);
        }
        return new Line(++number, line.toString(), cut);
    }

    /** Lines to hand out again, in order, before any new one. */
    void pushBack(List<Line> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            pushedBack.push(lines.get(i));
        }
    }
}
