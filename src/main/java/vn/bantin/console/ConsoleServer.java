package vn.bantin.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import vn.bantin.config.ConsoleSettings;
import vn.bantin.config.Settings;
import vn.bantin.indicator.Period;
import vn.bantin.run.InputCheck;
import vn.bantin.schedule.BulletinScheduler;
import vn.bantin.schedule.TriggerInfo;
import vn.bantin.store.AuditTrail;
import vn.bantin.store.ConsoleUsers;
import vn.bantin.store.RequestRow;
import vn.bantin.store.RunStore;
import vn.bantin.store.UserRow;

/**
 * The web console and its JSON API, on Javalin. Pages are jte templates compiled at build time; every action is
 * checked on the server (signed in, role, CSRF token on each state change), whatever the page offers.
 */
public final class ConsoleServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);
    static final String SESSION_COOKIE = "bantin_session";
    static final String LANG_COOKIE = "bantin_lang";
    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";

    /** Who is asking: from a session (then {@code csrf} is its token) or from an API token ({@code csrf} null). */
    record Who(long userId, String name, Role role, String csrf, String sessionId) {}

    static final class Unauthorized extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    static final class Forbidden extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Said said;

        Forbidden(Said said) {
            super(said.english());
            this.said = said;
        }
    }

    private final Javalin app;
    private final ConsoleActions actions;
    private final EditorActions editor;
    private final ConsoleLabels labels;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final ConsoleUsers users;
    private final UserAdmin admin;
    private final TemplateEngine pages = TemplateEngine.createPrecompiled(ContentType.Html);
    private final boolean secureCookie;
    private final ObjectMapper json = new ObjectMapper();

    private ConsoleServer(Settings settings, ConsoleSettings console, DataSource db, Path configDir, Clock clock) {
        this.labels = ConsoleLabels.load(settings.templatesDir());
        this.actions = new ConsoleActions(settings, db, clock, configDir, new LiveRuns(clock));
        this.editor = new EditorActions(settings, db, clock, configDir);
        this.sessions = new Sessions(db, clock);
        this.throttle = new LoginThrottle(db, clock);
        this.users = new ConsoleUsers(db, clock);
        this.admin = new UserAdmin(db, clock);
        this.secureCookie = console.secureCookie();
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jsonMapper(new JavalinJackson(json, false));
            cfg.http.maxRequestSize = 2L * vn.bantin.report.EditableFile.MAX_BYTES; // an upload, whole, with its form
            cfg.routes.before(this::guard);
            routes(cfg.routes);
            cfg.routes.exception(Unauthorized.class, (e, ctx) -> {
                if (api(ctx)) {
                    ctx.status(401).header("WWW-Authenticate", "Bearer").json(Map.of("error", "sign in, or send an API token as"
                            + " 'Authorization: Bearer …' (made by: java -jar bantin.jar users token NAME)"));
                } else if ("application/json".equals(ctx.header("Accept"))) { // a page's own request, its session ended
                    ctx.status(401).json(Map.of("error", t(ctx, "error.signIn")));
                } else {
                    ctx.redirect("/login");
                }
            });
            cfg.routes.exception(Forbidden.class, (e, ctx) -> refuse(ctx, 403, e.said));
            cfg.routes.exception(ConsoleActions.Refused.class, (e, ctx) -> refuse(ctx, 400, e.said()));
            cfg.routes.exception(UserAdmin.Refused.class, (e, ctx) -> refuse(ctx, 400, e.said()));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.warn("console: {} {} failed: {}", ctx.method(), ctx.path(), e.toString());
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                refuse(ctx, 500, Said.of("error.internal", "the console could not do this: " + why, why));
            });
            cfg.routes.error(404, ctx -> {
                if (ctx.attribute("refused") == null) { // not ours: Javalin's own "Endpoint … not found", in English
                    refuse(ctx, 404, Said.of("error.notFound", "there is no such page"));
                }
            });
        });
    }

    /** Starts the console on {@code listen}; {@code configDir} is where schedules.properties is read from. */
    public static ConsoleServer start(Settings settings, ConsoleSettings console, DataSource db, Path configDir, Clock clock) {
        ConsoleServer s = new ConsoleServer(settings, console, db, configDir, clock);
        s.app.start(console.listen().host(), console.listen().port());
        return s;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        actions.live().close();
        editor.close();
    }

    // ---- security: who asks, may they, and did the form come from our page

    private void guard(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
                + " frame-ancestors 'none'; form-action 'self'");
        ctx.header("Cache-Control", "no-store");
        String path = ctx.path();
        if (path.equals("/login") || path.startsWith("/static/") || path.startsWith("/lang/")) {
            return;
        }
        Who who = who(ctx).orElseThrow(Unauthorized::new);
        boolean change = !ctx.method().equals(HandlerType.GET) && !ctx.method().equals(HandlerType.HEAD);
        if (change && who.sessionId() != null) {
            String sent = ctx.header(CSRF_HEADER) != null ? ctx.header(CSRF_HEADER) : ctx.formParam(CSRF_FIELD);
            if (!Secrets.same(sent, who.csrf())) {
                throw new Forbidden(Said.of("error.csrf", "refused: the form has expired or did not come from the console;"
                        + " reload the page and try again"));
            }
        }
        ctx.attribute("who", who);
    }

    private Optional<Who> who(Context ctx) {
        String auth = ctx.header("Authorization");
        if (api(ctx) && auth != null && auth.startsWith("Bearer ")) {
            return users.byToken(Secrets.sha256(auth.substring(7).strip()))
                    .flatMap(u -> Role.parse(u.role()).map(r -> new Who(u.id(), u.name(), r, null, null)));
        }
        return sessions.find(ctx.cookie(SESSION_COOKIE)).map(s -> new Who(s.userId(), s.name(), s.role(), s.csrf(), s.id()));
    }

    static Who need(Context ctx, Role role) {
        Who who = ctx.attribute("who");
        if (who == null) {
            throw new Unauthorized();
        }
        if (!who.role().mayDo(role)) {
            throw new Forbidden(Said.of("error.role", "role " + who.role().id() + " may not do this; it needs " + role.id() + " or above",
                    Said.word("role.", who.role().id()), Said.word("role.", role.id())));
        }
        return who;
    }

    private static boolean api(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    /** The refusal in English for the JSON API, in the reader's words for a page (and a page's own JSON request). */
    private void refuse(Context ctx, int status, Said said) {
        ctx.status(status);
        ctx.attribute("refused", Boolean.TRUE);
        if (api(ctx)) {
            ctx.json(Map.of("error", said.english()));
        } else if ("application/json".equals(ctx.header("Accept"))) {
            ctx.json(Map.of("error", said.in(view(ctx))));
        } else {
            View v = view(ctx);
            ctx.html(render("error.jte", v.saying(null, said.in(v)), Map.of("status", status)));
        }
    }

    // ---- pages

    private void routes(io.javalin.config.RoutesConfig r) {
        r.get("/static/{file}", this::staticFile);
        r.get("/lang/{lang}", ctx -> {
            String lang = ConsoleLabels.language(ctx.pathParam("lang"));
            ctx.res().addHeader("Set-Cookie", LANG_COOKIE + "=" + lang + "; Path=/; Max-Age=31536000; SameSite=Strict"
                    + (secureCookie ? "; Secure" : ""));
            String back = ctx.queryParam("back");
            ctx.redirect(back != null && back.startsWith("/") && !back.startsWith("//") ? back : "/");
        });
        r.get("/login", ctx -> ctx.html(render("login.jte", view(ctx), Map.of("name", ""))));
        r.post("/login", this::login);
        r.post("/logout", ctx -> {
            Who who = ctx.attribute("who");
            sessions.close(who.sessionId());
            ctx.res().addHeader("Set-Cookie", SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
            ctx.redirect("/login");
        });
        r.get("/", ctx -> {
            need(ctx, Role.VIEWER);
            View v = view(ctx).on("overview");
            List<RequestRow> recent = new RunStore(actions.db(), actions.clock()).recentRequests(100);
            ctx.html(render("overview.jte", v, Map.of("o", Overview.of(recent, actions.db(), zone(), v))));
        });
        r.get("/runs", ctx -> {
            need(ctx, Role.VIEWER);
            ctx.html(render("runs.jte", view(ctx).on("runs"), Map.of("runs", runLines(100))));
        });
        r.get("/runs/{id}", ctx -> {
            need(ctx, Role.VIEWER);
            RequestRow q = actions.request(ctx.pathParam("id")).orElseThrow(() -> new ConsoleActions.Refused(
                    Said.of("error.noRun", "there is no such run")));
            List<DeliveryLine> d = actions.deliveries(q).stream().map(x -> DeliveryLine.of(x, zone())).toList();
            ctx.html(render("run.jte", view(ctx).on("runs"), Map.of("run", RunLine.of(q, zone()), "deliveries", d)));
        });
        r.post("/runs/{id}/resend", ctx -> {
            Who who = need(ctx, Role.OPERATOR);
            String email = "all".equals(ctx.formParam("which")) ? null : ctx.formParam("email");
            String live = actions.resend(who.name(), ctx.pathParam("id"), email);
            ctx.redirect("/run-now/" + live);
        });
        r.get("/run-now", ctx -> {
            need(ctx, Role.OPERATOR);
            ctx.html(render("runnow.jte", view(ctx).on("runnow"), Map.of("period", previousMonth(), "live", "",
                    "units", unitsWithRecipients())));
        });
        r.post("/run-now", ctx -> {
            Who who = need(ctx, Role.OPERATOR);
            String live = actions.run(who.name(), ask(ctx.formParam("bulletin"), ctx.formParam("unit"), ctx.formParam("period"),
                    ctx.formParam("periodKind"), ctx.formParam("from"), ctx.formParam("to"), ctx.formParam("mode")));
            ctx.redirect("/run-now/" + live);
        });
        r.get("/run-now/{live}", ctx -> {
            need(ctx, Role.OPERATOR);
            LiveRuns.Progress p = actions.live().progress(ctx.pathParam("live"))
                    .orElseThrow(() -> new ConsoleActions.Refused(Said.of("error.noRun", "there is no such run")));
            View v = view(ctx).on("runnow");
            ctx.html(render("progress.jte", v, Map.of("p", progressJson(p, v))));
        });
        r.get("/run-now/{live}/progress", ctx -> { // what the page polls: as the API's, its note in the reader's words
            need(ctx, Role.OPERATOR);
            LiveRuns.Progress p = actions.live().progress(ctx.pathParam("live"))
                    .orElseThrow(() -> new NotFound(Said.of("error.noRun", "there is no such run")));
            ctx.json(progressJson(p, view(ctx)));
        });
        r.get("/files", ctx -> {
            need(ctx, Role.VIEWER);
            Path out = actions.settings().outDir().toAbsolutePath().normalize();
            String asked = ctx.queryParam("path");
            Path file = asked == null ? null : Path.of(asked).toAbsolutePath().normalize();
            if (file == null || !file.startsWith(out) || file.startsWith(out.resolve(EditorActions.CANDIDATES)) // editors' drafts: their own route
                    || !Files.isRegularFile(file) || !file.toString().endsWith(".pdf")
                    || !file.toRealPath().startsWith(out.toRealPath())) {
                throw new ConsoleActions.Refused(Said.of("error.noFile", "there is no such file in the output folder"));
            }
            ctx.contentType("application/pdf");
            ctx.header("Content-Disposition", "inline; filename=\"" + file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
            ctx.result(Files.newInputStream(file));
        });
        r.get("/schedules", ctx -> {
            need(ctx, Role.VIEWER);
            ctx.html(render("schedules.jte", view(ctx).on("schedules"), Map.of("triggers", triggers().stream().map(ScheduleLine::of).toList())));
        });
        r.post("/schedules/{name}/{action}", ctx -> {
            Who who = need(ctx, Role.OPERATOR);
            actions.pause(who.name(), ctx.pathParam("name"), pauseAction(ctx));
            ctx.redirect("/schedules");
        });
        r.get("/data", ctx -> {
            need(ctx, Role.VIEWER);
            String period = ctx.queryParam("period");
            View v = view(ctx).on("data");
            Map<String, Object> model = new java.util.HashMap<>(Map.of("period", period == null ? previousMonth() : period));
            model.put("report", period == null || period.isBlank() ? null : dataCheck(period.strip(), v));
            ctx.html(render("data.jte", v, model));
        });
        r.get("/users", ctx -> {
            need(ctx, Role.ADMIN);
            ctx.html(render("users.jte", view(ctx).on("users"), Map.of("users", admin.list(), "token", "")));
        });
        r.post("/users", ctx -> {
            Who who = need(ctx, Role.ADMIN);
            String password = ctx.formParam("password");
            admin.add(who.name(), ctx.formParam("name"), ctx.formParam("role"), password == null ? new char[0] : password.toCharArray());
            ctx.redirect("/users");
        });
        r.post("/users/{id}/{action}", ctx -> {
            Who who = need(ctx, Role.ADMIN);
            long id = Long.parseLong(ctx.pathParam("id"));
            switch (ctx.pathParam("action")) {
                case "role" -> admin.setRole(who.name(), id, ctx.formParam("role"));
                case "disable" -> admin.setDisabled(who.name(), id, true);
                case "enable" -> admin.setDisabled(who.name(), id, false);
                case "password" -> {
                    String p = ctx.formParam("password");
                    admin.setPassword(who.name(), id, p == null ? new char[0] : p.toCharArray());
                }
                case "token" -> {
                    UserRow u = users.find(id).orElseThrow(() -> new ConsoleActions.Refused(Said.of("refused.noUser", "no user #" + id,
                            String.valueOf(id))));
                    String token = admin.newToken(who.name(), u.name());
                    ctx.html(render("users.jte", view(ctx).on("users"), Map.of("users", admin.list(), "token", token)));
                    return;
                }
                default -> throw new NotFound(Said.of("refused.unknownAction", "unknown action '" + ctx.pathParam("action")
                        + "'; use role, disable, enable, password or token", ctx.pathParam("action")));
            }
            sessions.closeAllOf(id);
            ctx.redirect("/users");
        });
        r.get("/audit", ctx -> {
            need(ctx, Role.ADMIN);
            ctx.html(render("audit.jte", view(ctx).on("audit"), Map.of("rows", new AuditTrail(actions.db(), actions.clock()).recent(500),
                    "zone", zone())));
        });
        apiRoutes(r);
        new EditorRoutes(editor, this::render, ConsoleServer::need, this::view, zone()).routes(r);
    }

    private void login(Context ctx) {
        String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
        String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
        String address = ctx.req().getRemoteAddr(); // not X-Forwarded-For, which a client may write itself
        Duration wait = throttle.wait(name, address);
        if (!wait.isZero()) {
            ctx.status(429);
            ctx.html(render("login.jte", view(ctx).saying(null, t(ctx, "login.throttled", wait.toSeconds() + 1)), Map.of("name", name)));
            return;
        }
        Optional<UserRow> user = users.find(name).filter(u -> !u.disabled());
        boolean ok = Passwords.matches(password.toCharArray(), user.map(UserRow::passwordHash).orElse(null));
        if (!ok || user.isEmpty()) {
            throttle.failed(name, address);
            LOG.info("console: a sign-in as '{}' from {} was refused (wrong name or password)", name.replaceAll("[^\\p{L}\\p{N}._@-]", "?"), address);
            ctx.status(401);
            ctx.html(render("login.jte", view(ctx).saying(null, t(ctx, "login.wrong")), Map.of("name", name)));
            return;
        }
        throttle.succeeded(name, address);
        UserRow u = user.get();
        Sessions.Session s = sessions.open(u.id(), u.name(), Role.parse(u.role()).orElseThrow());
        ctx.res().addHeader("Set-Cookie", SESSION_COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict"
                + (secureCookie ? "; Secure" : ""));
        ctx.redirect("/");
    }

    // ---- JSON API: the same actions and roles

    private void apiRoutes(io.javalin.config.RoutesConfig r) {
        r.get("/api/openapi.json", ctx -> {
            need(ctx, Role.VIEWER);
            try (InputStream in = ConsoleServer.class.getResourceAsStream("/console/openapi.json")) {
                ctx.contentType("application/json").result(in.readAllBytes());
            }
        });
        r.get("/api/runs", ctx -> {
            need(ctx, Role.VIEWER);
            int limit = ctx.queryParam("limit") == null ? 50 : Math.max(1, Math.min(500, Integer.parseInt(ctx.queryParam("limit"))));
            ctx.json(runLines(limit));
        });
        r.get("/api/runs/{id}", ctx -> {
            need(ctx, Role.VIEWER);
            RequestRow q = actions.request(ctx.pathParam("id")).orElseThrow(() -> new NotFound(Said.of("refused.noRun", "no run '"
                    + ctx.pathParam("id") + "'", ctx.pathParam("id"))));
            ctx.json(RunLine.of(q, zone()));
        });
        r.get("/api/runs/{id}/deliveries", ctx -> {
            need(ctx, Role.VIEWER);
            RequestRow q = actions.request(ctx.pathParam("id")).orElseThrow(() -> new NotFound(Said.of("refused.noRun", "no run '"
                    + ctx.pathParam("id") + "'", ctx.pathParam("id"))));
            ctx.json(actions.deliveries(q).stream().map(x -> DeliveryLine.of(x, zone())).toList());
        });
        r.post("/api/runs/{id}/resend", ctx -> {
            Who who = need(ctx, Role.OPERATOR);
            Map<String, Object> body = body(ctx);
            Object email = body.get("email");
            String live = actions.resend(who.name(), ctx.pathParam("id"), email == null ? null : email.toString());
            ctx.status(202).json(Map.of("progress", "/api/progress/" + live));
        });
        r.post("/api/run", ctx -> {
            Who who = need(ctx, Role.OPERATOR);
            Map<String, Object> b = body(ctx);
            String live = actions.run(who.name(), new ConsoleActions.Ask(str(b.get("bulletin")), str(b.get("unit")),
                    str(b.get("period")), !"preview".equals(str(b.get("mode")))));
            ctx.status(202).json(Map.of("progress", "/api/progress/" + live));
        });
        r.get("/api/progress/{live}", ctx -> {
            need(ctx, Role.OPERATOR);
            LiveRuns.Progress p = actions.live().progress(ctx.pathParam("live")).orElseThrow(() -> new NotFound(Said.of("error.noRun",
                    "no such run in progress")));
            ctx.json(progressJson(p, null));
        });
        r.get("/api/schedules", ctx -> {
            need(ctx, Role.VIEWER);
            ctx.json(triggers().stream().map(ScheduleLine::of).toList());
        });
        r.post("/api/schedules/{name}/{action}", ctx -> {
            Who who = need(ctx, Role.OPERATOR);
            actions.pause(who.name(), ctx.pathParam("name"), pauseAction(ctx));
            ctx.json(Map.of("schedule", ctx.pathParam("name"), "state", pauseAction(ctx) ? "paused" : "waiting"));
        });
        r.exception(NotFound.class, (e, ctx) -> refuse(ctx, 404, e.said));
    }

    static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Said said;

        NotFound(Said said) {
            super(said.english());
            this.said = said;
        }
    }

    /** The progress as JSON; {@code v} null: its note in English, as the API says it, else in the reader's words. */
    static Map<String, Object> progressJson(LiveRuns.Progress p, View v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("what", p.what().toString());
        m.put("kind", p.what().kind());
        m.put("bulletins", p.what().bulletins());
        m.put("period", p.what().period());
        m.put("state", p.state());
        m.put("rowsRead", p.rowsRead());
        m.put("rendered", p.rendered());
        m.put("sent", p.sent());
        m.put("notDelivered", p.notDelivered());
        m.put("pdfs", p.pdfs().stream().map(f -> "/files?path=" + java.net.URLEncoder.encode(f, java.nio.charset.StandardCharsets.UTF_8)).toList());
        m.put("run", p.requestId() == null ? null : "/runs/" + p.requestId());
        m.put("message", v == null ? p.message() : p.message(v));
        return m;
    }

    private static boolean pauseAction(Context ctx) {
        return switch (ctx.pathParam("action")) {
            case "pause" -> true;
            case "resume" -> false;
            default -> throw new NotFound(Said.of("refused.pauseOrResume", "use pause or resume"));
        };
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(Context ctx) {
        String text = ctx.body();
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(text, Map.class);
        } catch (IOException e) {
            String why = e.getMessage().lines().findFirst().orElse("");
            throw new ConsoleActions.Refused(Said.of("refused.notJson", "the request body is not a JSON object: " + why, why));
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    // ---- helpers

    static ConsoleActions.Ask ask(String bulletin, String unit, String period, String kind, String from, String to, String mode) {
        String p = "range".equals(kind) && from != null && to != null && !from.isBlank() ? from.strip() + ".." + to.strip() : period;
        return new ConsoleActions.Ask(bulletin, unit, p, "send".equals(mode));
    }

    private List<RunLine> runLines(int limit) {
        RunStore store = new RunStore(actions.db(), actions.clock());
        return store.recentRequests(limit).stream().map(q -> RunLine.of(q, zone())).toList();
    }

    private List<TriggerInfo> triggers() {
        try (BulletinScheduler client = BulletinScheduler.client(actions.db(), actions.schedules(), actions.clock())) {
            return client.listTriggers();
        }
    }

    /** The report of {@code data check --period P}: the same check as on the terminal, in the reader's words. */
    private DataCheckPage dataCheck(String period, View v) {
        Period p;
        try {
            p = Period.parse(period);
        } catch (Period.NotAPeriod e) {
            throw new ConsoleActions.Refused(ConsoleActions.notAPeriod(e));
        } catch (IllegalArgumentException e) {
            throw new ConsoleActions.Refused(e.getMessage());
        }
        Settings settings = vn.bantin.run.RunInputs.of(actions.settings(), p).settings(); // what a run of the period reads
        InputCheck.Result r = InputCheck.check(settings, List.of(p, p.previous(), p.sameLastYear()), false, x -> true, x -> { },
                (f, read, rejected, done) -> { });
        return DataCheckPage.of(r, settings, p, v);
    }

    private List<String> unitsWithRecipients() {
        return actions.settings().recipients().stream().filter(x -> x.receives("unit") && x.unit() != null && !x.unit().isEmpty())
                .map(x -> x.unit()).distinct().sorted().toList();
    }

    private String previousMonth() {
        return java.time.YearMonth.now(actions.clock()).minusMonths(1).toString();
    }

    private java.time.ZoneId zone() {
        return actions.settings().zone();
    }

    View view(Context ctx) {
        String asked = ctx.queryParam("lang") != null ? ctx.queryParam("lang") : ctx.cookie(LANG_COOKIE);
        String lang = ConsoleLabels.language(asked);
        Who who = ctx.attribute("who");
        return new View(labels, lang, who == null ? null : who.name(), who == null ? null : who.role(),
                who == null ? "" : who.csrf() == null ? "" : who.csrf(), "", null, null);
    }

    private String t(Context ctx, String key, Object... args) {
        return view(ctx).t(key, args);
    }

    String render(String template, View v, Map<String, Object> model) {
        Map<String, Object> params = new LinkedHashMap<>(model);
        params.put("v", v);
        StringOutput out = new StringOutput();
        pages.render(template, params, out);
        return out.toString();
    }

    private void staticFile(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        if (!file.matches("[a-z]+\\.(css|js)")) {
            throw new NotFound(Said.of("error.notFound", "no such file"));
        }
        try (InputStream in = ConsoleServer.class.getResourceAsStream("/console/" + file)) {
            if (in == null) {
                throw new NotFound(Said.of("error.notFound", "no such file"));
            }
            ctx.header("Cache-Control", "max-age=3600");
            ctx.contentType(file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8").result(in.readAllBytes());
        }
    }

}
