package vn.bantin.store;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Optional;

/**
 * Names the process that runs a run, as {@code pid@host@startMillis}, so that a later process on the same host can
 * tell whether it is still alive (the pid alone could have been given to another process since).
 */
record ProcessOwner(long pid, String host, long startMillis) {

    static ProcessOwner current() {
        ProcessHandle self = ProcessHandle.current();
        long start = self.info().startInstant().map(Instant::toEpochMilli)
                .orElse(ManagementFactory.getRuntimeMXBean().getStartTime());
        return new ProcessOwner(self.pid(), thisHost(), start);
    }

    String text() {
        return pid + "@" + host + "@" + startMillis;
    }

    /** The readable name of the node: {@code pid@host}, as history and the scheduler show it. */
    String node() {
        return pid + "@" + host;
    }

    static Optional<ProcessOwner> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] p = text.split("@");
        try {
            return p.length == 3 ? Optional.of(new ProcessOwner(Long.parseLong(p[0]), p[1], Long.parseLong(p[2]))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Known dead: on this host, and no process has this pid any more, or the one that has it started at another
     * time. A process on another host is never known dead from here (its heartbeat tells instead).
     */
    boolean knownDead() {
        if (!host.equals(thisHost())) {
            return false;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) {
            return true;
        }
        // Start times as reported may differ by a few milliseconds between the two ways of reading them.
        return p.get().info().startInstant().map(s -> Math.abs(s.toEpochMilli() - startMillis) > 1000).orElse(false);
    }

    private static String thisHost() {
        return Host.NAME;
    }

    /** Looked up once: the name of this machine does not change while the process runs. */
    private static final class Host {
        static final String NAME = lookUp();

        private static String lookUp() {
            try {
                return java.net.InetAddress.getLocalHost().getHostName().replace('@', '_');
            } catch (java.net.UnknownHostException e) {
                return "localhost";
            }
        }
    }
}
