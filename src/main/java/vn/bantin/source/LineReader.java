package vn.bantin.source;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Physical lines of a text file with their numbers, ended by \n, \r\n or a lone \r (old Mac "CSV (Macintosh)"
 * exports), each at most {@link #MAX_LINE} characters:
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
    /** The last line ended with \r: a \n right after it belongs to the same line end. */
    private boolean afterCr;
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
            if (afterCr) {
                afterCr = false;
                if (buf[pos] == '\n') {
                    pos++; // the \n of a \r\n
                    continue;
                }
            }
            any = true;
            int start = pos;
            while (pos < end && buf[pos] != '\n' && buf[pos] != '\r') {
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
                afterCr = buf[pos] == '\r';
                pos++;
                return done(line, cut);
            }
        }
    }

    private Line done(StringBuilder line, boolean cut) {
        return new Line(++number, line.toString(), cut);
    }

    /** Lines to hand out again, in order, before any new one. */
    void pushBack(List<Line> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            pushedBack.push(lines.get(i));
        }
    }
}
