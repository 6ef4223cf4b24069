package vn.bantin.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Parts of file names made from a unit code or an address that can never collide: a readable part (letters
 * without accents, digits, '-', in lower case, as any file system keeps them apart) and a short hash of the exact
 * text. {@code H-TT.X} and {@code H-TT_X} read alike but hash apart; so do {@code x+y@…} and {@code x_y@…}.
 */
public final class FileNames {
    private static final int HASH_CHARS = 8;
    /** Keeps a name made of a long code or address well under the 255 bytes a file name may have. */
    private static final int READABLE_CHARS = 60;

    private FileNames() {
    }

    /** {@code h-tt-x-1a2b3c4d} for {@code H-TT.X}. */
    public static String of(String exact) {
        String plain = Normalizer.normalize(exact.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        String readable = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9@.]+", "-").replaceAll("^-+|-+$", "");
        if (readable.length() > READABLE_CHARS) {
            readable = readable.substring(0, READABLE_CHARS).replaceAll("-+$", "");
        }
        return (readable.isEmpty() ? "" : readable + "-") + hash(exact);
    }

    /** The first hex digits of the SHA-256 of {@code exact}. */
    public static String hash(String exact) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(exact.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
