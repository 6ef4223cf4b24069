package vn.bantin.store;

/**
 * The one name a process of bantin goes by wherever it is shown: {@code pid@host}. A {@code run}, a {@code serve}
 * (its Quartz instance id too) and every record of what it did (the run's owner, the node that sent a message, the
 * holder of a render claim) use it, so that {@code history} and {@code schedule} name a node the same way.
 */
public final class NodeName {
    private NodeName() {
    }

    /** This process: {@code pid@host}. */
    public static String current() {
        return ProcessOwner.current().node();
    }

    /** The node part of a recorded owner ({@code pid@host@start} becomes {@code pid@host}); null stays null. */
    static String of(String owner) {
        if (owner == null) {
            return null;
        }
        return ProcessOwner.parse(owner).map(ProcessOwner::node).orElse(owner);
    }
}
