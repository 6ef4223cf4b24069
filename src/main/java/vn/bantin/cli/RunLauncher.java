package vn.bantin.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import javax.sql.DataSource;

import vn.bantin.config.Settings;
import vn.bantin.delivery.Backoff;
import vn.bantin.report.TemplateCache;
import vn.bantin.run.BulletinRun;
import vn.bantin.run.NotReadyException;
import vn.bantin.run.RunListener;
import vn.bantin.run.RunRequest;
import vn.bantin.run.RunResult;
import vn.bantin.run.Senders;
import vn.bantin.schedule.BulletinLauncher;
import vn.bantin.schedule.BulletinRequest;
import vn.bantin.schedule.RetryLater;
import vn.bantin.store.RenderBusyException;
import vn.bantin.store.RenderClaims;

/**
 * What the scheduler's send jobs call: the same run as the CLI's {@code run}, for one batch of recipients. Batches
 * of one period of one bulletin render one after another, on this node or any other sharing the store (the run's
 * render claim, see {@link vn.bantin.store.RenderClaims}), and may deliver alongside; other periods run alongside.
 */
final class RunLauncher implements BulletinLauncher {
    /** How many times the service tries a batch with undelivered messages again before it leaves it to a person. */
    private static final int RETRIES = 6;

    private final Settings settings;
    private final DataSource store;
    private final PrintWriter out;
    /** Kept from run to run: an unchanged template is compiled once per service, an edited one on its next run. */
    private final TemplateCache templates;
    private final vn.bantin.gather.ScheduledGather gather = new vn.bantin.gather.ScheduledGather();

    RunLauncher(Settings settings, DataSource store, PrintWriter out) {
        this.settings = settings;
        this.store = store;
        this.out = out;
        this.templates = vn.bantin.run.BulletinRun.keptTemplates(settings);
    }

    @Override
    public void launch(BulletinRequest request) throws Exception {
        Clock clock = Clock.system(settings.zone());
        RunRequest run = new RunRequest(request.period(), Set.of(request.bulletin()), Set.copyOf(request.recipientBatch()),
                request.force(), request.cause(), request.requestId());
        RunResult r;
        gather.before(settings, request.requestId(), request.period(), out::println);
        try {
            r = new BulletinRun(settings, Senders.from(settings, clock), clock, new Lines(out), store, Backoff.Sleeper.REAL,
                    templates).signedBy(vn.bantin.sign.PadesSigning.of(settings, clock)).run(run);
        } catch (NotReadyException e) {
            // The exports are late: try again later (the administrator was told by the run), gathering again.
            gather.again(request.requestId(), request.period());
            throw new RetryLater(e.getMessage(), settings.readiness().retryEvery(), settings.readiness().maxRetries());
        } catch (RenderBusyException e) {
            // Another node rendered this period for longer than render.wait, or this one was stopped while waiting.
            throw new RetryLater(e.getMessage() + " The service tries this batch again by itself.", settings.render().lease(),
                    RETRIES);
        }
        if (r.repeat() != null) {
            out.println("  " + request.bulletin() + " " + request.period().key() + ": " + r.nothingNew());
        }
        out.printf("  %s %s: %d sent, %d sent before, %d not delivered%n", request.bulletin(), request.period().key(),
                r.count("sent"), r.count("already-sent"), r.failedDeliveries());
        if (!r.notMade().isEmpty()) {
            throw new Exception(r.notMade().size() + " bulletin(s) not made, so not sent (the administrator was told): "
                    + String.join("; ", r.notMadeByProblem().stream().map(RunResult.NotMadeGroup::describe).toList()));
        }
        long unsettled = r.count("busy") + r.count("failed");
        if (unsettled > 0) {
            // Held by a sender that died on another host (until its lease runs out), or failed for a reason that may
            // pass: the service tries this batch again by itself; the ledger skips what went out meanwhile.
            Duration after = r.count("busy") > 0 ? settings.mail().lease().plusSeconds(30) : settings.readiness().retryEvery();
            throw new RetryLater(unsettled + " message(s) not delivered yet: " + r.retryAdvice(" --bulletin " + request.bulletin())
                    + "; the service tries this batch again by itself", after, RETRIES);
        }
        if (r.failedDeliveries() > 0) {
            throw new Exception(r.failedDeliveries() + " message(s) not delivered: " + r.retryAdvice(" --bulletin " + request.bulletin()));
        }
    }

    /** One line per message; rows and files are left out of a service's output. */
    private record Lines(PrintWriter out) implements RunListener {
        @Override
        public void delivered(String recipient, String where) {
            out.println("    message " + recipient + " -> " + where);
        }

        @Override
        public void waitingForRender(RenderClaims.Holder holder, Duration waited) {
            out.println("    waiting: the " + holder.bulletin() + " bulletin of " + holder.periodKey() + " is being rendered by "
                    + holder.node() + (waited.isZero() ? "" : " (waited " + waited.toMinutes() + " min)"));
        }
    }
}
