package vn.bantin.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds where a file stops being valid in its encoding, and guesses what it is instead. The CSV reader decodes
 * ahead of the row it hands out, so its own position is not where the bad byte is; this scan is, and it only
 * runs once decoding has failed.
 */
final class DecodeScan {
    /** Line (from 1) and byte offset (from 0) of the first byte that does not decode. */
    record Position(long line, long offset) {}

    private DecodeScan() {
    }

    static Position firstInvalid(Path file, Charset charset, int skip) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long consumed = skip;
        long line = 1;
        try (InputStream stream = Files.newInputStream(file)) {
            stream.skipNBytes(skip);
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

    /**
     * A guess at what a file that is not valid UTF-8 is: every other byte zero means UTF-16 without its byte-order
     * mark; otherwise high bytes that are not UTF-8 sequences mean a legacy code page, for Vietnamese exports most
     * often windows-1258 (or TCVN3, which Java cannot read: convert such a file).
     */
    static String likelyEncoding(byte[] head) {
        int zerosEven = 0, zerosOdd = 0;
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                if (i % 2 == 0) {
                    zerosEven++;
                } else {
                    zerosOdd++;
                }
            }
        }
        if (zerosOdd > head.length / 4) {
            return "UTF-16LE";
        }
        if (zerosEven > head.length / 4) {
            return "UTF-16BE";
        }
        return "windows-1258";
    }

    static boolean isUtf8(Charset c) {
        return c.equals(StandardCharsets.UTF_8);
    }
}
