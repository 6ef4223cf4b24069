package vn.bantin.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (Bouncy Castle), kept in the PHC string form so that the cost can be raised later
 * without breaking stored hashes. Cost: 19 MiB, 2 passes, 1 lane (OWASP's minimum for Argon2id).
 */
public final class Passwords {
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int LANES = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** Shortest password accepted; a phrase is better than a word. */
    public static final int MIN_LENGTH = 10;
    private static final Pattern PHC = Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    /** Checked against when the user does not exist, so that an unknown name takes as long as a wrong password. */
    private static final String DUMMY = hash("not a password of anyone".toCharArray());

    private Passwords() {
    }

    public static String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] out = derive(password, salt, MEMORY_KIB, ITERATIONS, LANES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + LANES + "$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(out);
    }

    /** Whether {@code password} matches {@code stored}; null {@code stored} (no such user) is checked against a dummy and false. */
    public static boolean matches(char[] password, String stored) {
        Matcher m = PHC.matcher(stored == null ? DUMMY : stored);
        if (!m.matches()) {
            return false;
        }
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = derive(password, B64D.decode(m.group(4)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual) && stored != null;
    }

    /** Whether {@code stored} is a hash in the form {@link #hash} makes. */
    public static boolean isHash(String stored) {
        return stored != null && PHC.matcher(stored).matches();
    }

    /** Null when the password may be used, else why not (a sentence for the person choosing it). */
    public static Said weakness(char[] password) {
        if (password.length < MIN_LENGTH) {
            return Said.of("refused.weakPassword", "a password needs at least " + MIN_LENGTH
                    + " characters (a few words make a good one)", MIN_LENGTH);
        }
        return null;
    }

    private static byte[] derive(char[] password, byte[] salt, int memory, int iterations, int lanes) {
        return derive(password, salt, memory, iterations, lanes, HASH_BYTES);
    }

    private static byte[] derive(char[] password, byte[] salt, int memory, int iterations, int lanes, int length) {
        Argon2BytesGenerator g = new Argon2BytesGenerator();
        g.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory).withIterations(iterations).withParallelism(lanes).withSalt(salt).build());
        byte[] out = new byte[length];
        g.generateBytes(new String(password).getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
