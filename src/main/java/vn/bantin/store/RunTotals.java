package vn.bantin.store;

/**
 * What a run did, counted: bulletins {@code made}, messages {@code sent} now, {@code sentBefore} (by an earlier run,
 * not sent again) and {@code notDelivered} (failed, refused, or held by another process).
 */
public record RunTotals(int made, int sent, int sentBefore, int notDelivered) {
    public static final RunTotals NONE = new RunTotals(0, 0, 0, 0);

    public RunTotals plus(RunTotals o) {
        return new RunTotals(made + o.made, sent + o.sent, sentBefore + o.sentBefore, notDelivered + o.notDelivered);
    }

    /** "3 made, 158 sent, 0 sent before, 0 not delivered". */
    public String describe() {
        return made + " made, " + sent + " sent, " + sentBefore + " sent before, " + notDelivered + " not delivered";
    }
}
