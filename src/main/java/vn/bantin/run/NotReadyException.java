package vn.bantin.run;

import java.util.List;

/**
 * The exports do not cover the period yet (or hold nothing for it): no bulletin is made unless forced. {@code problems}:
 * each reason as the data check words it (the console words them on its Data page and its run page alike).
 */
public final class NotReadyException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    public NotReadyException(String message) {
        this(message, List.of());
    }

    public NotReadyException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
