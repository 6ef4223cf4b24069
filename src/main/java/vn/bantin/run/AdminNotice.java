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

/**
 * Tells the administrator ({@code mail.admin}) that a run failed or some messages did not go out, in the configured
 * language ({@link OperatorWords}). Best effort.
 */
final class AdminNotice {
    private static final Logger LOG = LoggerFactory.getLogger(AdminNotice.class);

    private final Settings settings;
    private final Sender sender;

    AdminNotice(Settings settings, Sender sender) {
        this.settings = settings;
        this.sender = sender;
    }

    void runFailed(RunRequest request, long runId, Exception e) {
        OperatorWords w = words();
        if (w == null) {
            return;
        }
        send(runId, w.format("admin.runFailed.subject", String.valueOf(runId), request.period().key()),
                w.format("admin.runFailed.body", String.valueOf(runId), String.join(", ", request.bulletins()),
                        request.period().key(), request.cause(), e.getMessage())
                        + (e instanceof ReportException ? w.format("admin.runFailed.templates") : ""));
    }

    /** The signing certificate expires soon: the bulletins are still signed and sent, until it does. */
    void certificateExpiring(RunRequest request, long runId, String warning) {
        OperatorWords w = words();
        if (w == null) {
            return;
        }
        send(runId, w.format("admin.certificateExpiring.subject", request.period().key()),
                w.format("admin.certificateExpiring.body", String.valueOf(runId), warning));
    }

    void bulletinsNotMade(RunResult result, long runId) {
        OperatorWords w = words();
        if (w == null) {
            return;
        }
        long recipients = result.notMade().stream().mapToLong(n -> n.recipients().size()).sum();
        StringBuilder b = new StringBuilder(w.format("admin.notMade.body", String.valueOf(runId), result.period().key(),
                String.valueOf(result.notMade().size()), String.valueOf(recipients), String.valueOf(result.count("sent"))));
        for (RunResult.NotMadeGroup g : result.notMadeByProblem()) {
            b.append(w.format(g.cause() == RunResult.Cause.SIGNATURE ? "admin.notSigned.item" : "admin.notMade.item",
                    g.problem(), g.what()));
        }
        String which = result.notMade().stream().map(RunResult.NotMade::bulletin).distinct().count() > 1
                ? "all" : result.notMade().get(0).bulletin();
        Set<RunResult.Cause> causes = result.notMadeCauses();
        for (RunResult.Cause cause : causes) {
            b.append(w.format(cause == RunResult.Cause.SIGNATURE ? "admin.notSigned.fix" : "admin.notMade.fix",
                    result.period().key(), which));
        }
        // A signature problem is not a broken template: the subject names what the administrator has to look at.
        String subject = causes.size() > 1 ? "admin.notMadeOrSigned.subject"
                : causes.contains(RunResult.Cause.SIGNATURE) ? "admin.notSigned.subject" : "admin.notMade.subject";
        send(runId, w.format(subject, String.valueOf(result.notMade().size()), result.period().key()), b.toString());
    }

    void deliveriesFailed(RunResult result, long runId) {
        OperatorWords w = words();
        if (w == null) {
            return;
        }
        StringBuilder b = new StringBuilder(w.format("admin.failed.body", String.valueOf(runId), result.period().key(),
                String.valueOf(result.failedDeliveries())));
        for (RunResult.Delivery d : result.deliveries()) {
            if (d.failed()) {
                b.append(w.format("admin.failed.item", d.email(), String.valueOf(d.status()), d.error()));
            }
        }
        b.append(w.format("admin.failed.retry", result.retryAdvice("", w::format)));
        send(runId, w.format("admin.failed.subject", String.valueOf(result.failedDeliveries()), result.period().key()),
                b.toString());
    }

    /** The words, or null (and a log line) when they cannot be read: a notice must not hide the failure it reports. */
    private OperatorWords words() {
        try {
            return OperatorWords.of(settings);
        } catch (RuntimeException e) {
            LOG.warn("Could not word the notice to the administrator: {}", e.getMessage());
            return null;
        }
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
