package vn.bantin.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT trapped for the length of a command (a {@code run}), then handed back to whatever handled them
 * before: a JVM that runs the command in-process (a test, an embedding) stops on a signal again afterwards.
 * {@code sun.misc.Signal} is in the jdk.unsupported module, which the JDK keeps for exactly this use (JEP 260).
 */
final class StopSignals implements AutoCloseable {
    private final Map<Signal, SignalHandler> before = new LinkedHashMap<>();

    private StopSignals() {
    }

    /** Calls {@code onSignal} with "SIGTERM" or "SIGINT" until closed; where a signal cannot be trapped, it is not. */
    static StopSignals trap(Consumer<String> onSignal) {
        StopSignals s = new StopSignals();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal signal = new Signal(name);
                s.before.put(signal, Signal.handle(signal, caught -> onSignal.accept("SIG" + caught.getName())));
            } catch (IllegalArgumentException | UnsupportedOperationException unavailable) {
                // not on this platform: the signal stops the JVM as usual
            }
        }
        return s;
    }

    @Override
    public void close() {
        before.forEach(Signal::handle);
    }
}
