package vn.bantin.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds where a file stops being valid UTF-8. The CSV reader decodes ahead of the row it hands out, so when
 * decoding fails its own position is not where the bad byte is; this scan is, and only runs on that failure.
 */
final class Utf8Scan {
    /** Line (from 1) and byte offset (from 0) of the first byte that is not valid UTF-8. */
    record Position(long line, long offset) {}

    private Utf8Scan() {
    }

    static Position firstInvalid(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long consumed = 0;
        long line = 1;
        try (InputStream stream = Files.newInputStream(file)) {
            boolean end = false;
            while (true) {
                int n = end ? -1 : stream.read(in.array(), in.position(), in.remaining());
                if (n < 0) {
                    end = true;
                } else {
                    in.position(in.position() + n);
                }
                in.flip();
                int start = in.position();
                CoderResult result = decoder.decode(in, out, end);
                for (int i = start; i < in.position(); i++) {
                    if (in.get(i) == '\n') {
                        line++;
                    }
                }
                consumed += in.position() - start;
                if (result.isError()) {
                    return new Position(line, consumed);
                }
                out.clear();
                if (end && !in.hasRemaining()) {
                    return null;
                }
                in.compact();
            }
        }
    }
}
