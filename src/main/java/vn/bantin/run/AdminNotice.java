package vn.bantin.run;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.bantin.config.Settings;
import vn.bantin.delivery.DeliveryException;
import vn.bantin.delivery.Html;
import vn.bantin.delivery.Message;
import vn.bantin.delivery.Recipient;
import vn.bantin.delivery.Sender;
import vn.bantin.report.ReportException;

/** Tells the administrator ({@code mail.admin}) that a run failed or some messages did not go out. Best effort. */
final class AdminNotice {
    private static final Logger LOG = LoggerFactory.getLogger(AdminNotice.class);

    private final Settings settings;
    private final Sender sender;

    AdminNotice(Settings settings, Sender sender) {
        this.settings = settings;
        this.sender = sender;
    }

    void runFailed(RunRequest request, long runId, Exception e) {
        send(runId, "bantin: run " + runId + " for " + request.period().key() + " failed",
                "The run " + runId + " (" + String.join(", ", request.bulletins()) + ", " + request.period().key()
                        + ", asked by " + request.cause() + ") stopped before the end.\n\n" + e.getMessage() + "\n\n"
                        + "Messages it delivered before it stopped stay delivered (the ledger has them); after the fix, `bantin run"
                        + " --period " + request.period().key() + "` sends the rest and nothing twice.\n"
                        + (e instanceof ReportException ? "\n`bantin templates check` shows every problem of the templates.\n" : ""));
    }

    void bulletinsNotMade(RunResult result, long runId) {
        long recipients = result.notMade().stream().mapToLong(n -> n.recipients().size()).sum();
        StringBuilder b = new StringBuilder("The run " + runId + " for " + result.period().key() + " could not make "
                + result.notMade().size() + " bulletin(s), so " + recipients + " message(s) were not sent; the other bulletins"
                + " went out (" + result.count("sent") + " sent).\n\n");
        for (RunResult.NotMadeGroup g : result.notMadeByProblem()) {
            b.append("  ").append(g.problem()).append("\n    not made: ").append(g.what()).append('\n');
        }
        b.append("\nFix the template, see that `bantin templates check` passes, then run the bulletin again: `bantin run --period ")
                .append(result.period().key()).append(" --bulletin ").append(result.notMade().stream().map(RunResult.NotMade::bulletin).distinct().count() > 1
                        ? "all" : result.notMade().get(0).bulletin())
                .append("`. Messages that went out are not sent twice.\n");
        send(runId, "bantin: " + result.notMade().size() + " bulletin(s) for " + result.period().key()
                + " not made: a template is broken", b.toString());
    }

    void deliveriesFailed(RunResult result, long runId) {
        StringBuilder b = new StringBuilder("The run " + runId + " for " + result.period().key() + " made its bulletins, but "
                + result.failedDeliveries() + " message(s) did not go out" + (result.interrupted() ? " and it was stopped before"
                + " the end" : "") + ":\n\n");
        for (RunResult.Delivery d : result.deliveries()) {
            if (d.failed()) {
                b.append("  ").append(d.email()).append(" (").append(d.status()).append("): ").append(d.error()).append('\n');
            }
        }
        b.append("\n").append(result.retryAdvice("")).append(".\n");
        send(runId, "bantin: " + result.failedDeliveries() + " message(s) for " + result.period().key() + " not delivered", b.toString());
    }

    private void send(long runId, String subject, String text) {
        String admin = settings.mail().adminEmail();
        if (admin == null) {
            return;
        }
        Recipient to = new Recipient("", "bantin admin", admin, Set.of());
        String html = "<pre style=\"font-family:monospace\">" + Html.escape(text)
                + "</pre>";
        try {
            sender.send(new Message(to, subject, html, text, List.of(), "admin-run-" + runId));
        } catch (DeliveryException e) {
            LOG.warn("Could not tell the administrator {}: {}", admin, e.getMessage());
        }
    }
}
