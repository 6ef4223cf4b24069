package vn.bantin.run;

import java.util.HashSet;
import java.util.Set;

/** Words a failure for the run record: what was said, and the root cause when something underneath caused it. */
final class Causes {
    private Causes() {
    }

    static String describe(Throwable e) {
        String said = e instanceof OutOfMemoryError ? "out of memory (" + e.getMessage() + "); give the JVM more heap (-Xmx)"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable root = e;
        Set<Throwable> seen = new HashSet<>();
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        if (root == e) {
            return said;
        }
        String cause = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip().lines()
                .findFirst().orElse("");
        return said.contains(cause) ? said : said + " (because: " + cause + ")";
    }
}
