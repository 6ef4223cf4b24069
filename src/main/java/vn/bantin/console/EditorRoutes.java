package vn.bantin.console;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import vn.bantin.delivery.RecipientTable;
import vn.bantin.report.EditableFile;
import vn.bantin.report.PropertiesText;
import vn.bantin.report.ReportException;
import vn.bantin.run.CandidatePreview;
import vn.bantin.run.RecipientsEdit;
import vn.bantin.run.RecipientsEditor;
import vn.bantin.run.TemplateEdit;
import vn.bantin.run.TemplateEditor;
import vn.bantin.store.Candidate;
import vn.bantin.store.FileVersion;

/**
 * The Templates and Recipients pages and their JSON API, for editors and admins. A candidate is published only from
 * its own page, after its preview; the server refuses one with problems whatever is posted.
 */
final class EditorRoutes {
    interface Pages {
        String render(String template, View v, Map<String, Object> model);
    }

    interface Need {
        ConsoleServer.Who need(Context ctx, Role role);
    }

    interface Views {
        View view(Context ctx);
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int BLANK_ROWS = 3;

    private final EditorActions editor;
    private final Pages pages;
    private final Need role;
    private final Views views;
    private final ZoneId zone;

    EditorRoutes(EditorActions editor, Pages pages, Need role, Views views, ZoneId zone) {
        this.editor = editor;
        this.pages = pages;
        this.role = role;
        this.views = views;
        this.zone = zone;
    }

    void routes(RoutesConfig r) {
        // ---- templates: pages
        r.get("/templates", ctx -> {
            role.need(ctx, Role.EDITOR);
            page(ctx, "templates.jte", null, null, Map.of("files", files(), "staged", staged()));
        });
        r.get("/templates/file", ctx -> {
            role.need(ctx, Role.EDITOR);
            String path = path(ctx.queryParam("path"));
            page(ctx, "templatefile.jte", null, null, Map.of("path", path, "versions", versions(path),
                    "wording", path.endsWith(".properties")));
        });
        r.get("/templates/download", ctx -> {
            role.need(ctx, Role.EDITOR);
            download(ctx);
        });
        r.post("/templates/upload", ctx -> {
            ConsoleServer.Who who = role.need(ctx, Role.EDITOR);
            UploadedFile file = ctx.uploadedFile("file");
            if (file == null || file.size() == 0) {
                throw new ConsoleActions.Refused(views.view(ctx).t("templates.noFile"));
            }
            String path = ctx.formParam("path");
            ctx.redirect("/templates/staging/" + editor.stage(who.name(), path == null ? "" : path.strip(), bytes(file),
                    editor.previewPeriod()));
        });
        r.get("/templates/wording", ctx -> {
            role.need(ctx, Role.EDITOR);
            String path = path(ctx.queryParam("path"));
            page(ctx, "wording.jte", null, null, Map.of("path", path, "entries", wording(path)));
        });
        r.post("/templates/wording", ctx -> {
            ConsoleServer.Who who = role.need(ctx, Role.EDITOR);
            String path = path(ctx.formParam("path"));
            Map<String, String> changes = new LinkedHashMap<>();
            for (PropertiesText.Entry e : wording(path)) {
                String sent = ctx.formParam("text:" + e.key());
                if (sent != null && !sent.equals(e.text())) {
                    changes.put(e.key(), sent);
                }
            }
            if (changes.isEmpty()) {
                throw new ConsoleActions.Refused(views.view(ctx).t("wording.unchanged"));
            }
            ctx.redirect("/templates/staging/" + editor.stageWording(who.name(), path, changes, editor.previewPeriod()));
        });
        r.get("/templates/staging/{id}", ctx -> {
            role.need(ctx, Role.EDITOR);
            EditorActions.Staging s = staging(ctx.pathParam("id"));
            if (s.running()) {
                page(ctx, "staging.jte", null, null, Map.of("s", s, "period", editor.previewPeriod().key()));
                return;
            }
            if (s.failure() != null) {
                throw new ConsoleActions.Refused(ParserProblems.explain(views.view(ctx), s.failure()));
            }
            Candidate c = s.result() instanceof TemplateEdit.Staged st ? st.candidate()
                    : s.result() instanceof TemplateEdit.Problems p ? p.candidate() : null;
            if (c == null) {
                throw new ConsoleActions.Refused(said(views.view(ctx), s.result()));
            }
            ctx.redirect("/templates/candidates/" + c.id());
        });
        r.get("/templates/candidates/{id}", ctx -> {
            role.need(ctx, Role.EDITOR);
            page(ctx, "candidate.jte", null, null, Map.of("c", candidate(ctx, "/templates")));
        });
        r.get("/templates/candidates/{id}/{which}/{n}", ctx -> {
            role.need(ctx, Role.EDITOR);
            previewFile(ctx);
        });
        r.post("/templates/candidates/{id}/{action}", ctx -> {
            ConsoleServer.Who who = role.need(ctx, Role.EDITOR);
            afterEdit(ctx, candidateAction(ctx, who));
        });
        r.post("/templates/rollback", ctx -> {
            ConsoleServer.Who who = role.need(ctx, Role.EDITOR);
            afterEdit(ctx, editor.rollBack(who.name(), path(ctx.formParam("path")), number(ctx.formParam("version"))));
        });

        // ---- recipients: pages
        r.get("/recipients", ctx -> {
            role.need(ctx, Role.EDITOR);
            RecipientsEditor.Recipients list = editor.recipients().read();
            View v = views.view(ctx);
            List<String> problems = list.problems().stream().map(p -> RecipientProblems.sentence(v, p)).toList();
            page(ctx, "recipients.jte", null, problems.isEmpty() ? null : String.join("\n", problems),
                    Map.of("rows", recipientLines(null, list.rows(), List.of()), "version", list.version() == null ? ""
                            : views.view(ctx).t("recipients.version", list.version().version(), list.version().changedBy(),
                                    when(list.version().changedAt()))));
        });
        r.post("/recipients", ctx -> {
            ConsoleServer.Who who = role.need(ctx, Role.EDITOR);
            List<RecipientTable.Row> rows = new ArrayList<>();
            int count = Math.min(5000, number(ctx.formParam("rows")));
            for (int i = 0; i < count; i++) {
                RecipientTable.Row row = new RecipientTable.Row(ctx.formParam("unit_" + i), ctx.formParam("name_" + i),
                        ctx.formParam("email_" + i), ctx.formParam("bulletins_" + i));
                boolean blank = row.name().isEmpty() && row.email().isEmpty() && row.unit().isEmpty();
                if (ctx.formParam("remove_" + i) == null && !blank) {
                    rows.add(row);
                }
            }
            recipientsDone(ctx, editor.saveRecipients(who.name(), rows), rows);
        });
        r.post("/recipients/import", ctx -> {
            ConsoleServer.Who who = role.need(ctx, Role.EDITOR);
            UploadedFile file = ctx.uploadedFile("file");
            if (file == null || file.size() == 0) {
                throw new ConsoleActions.Refused(views.view(ctx).t("templates.noFile"));
            }
            recipientsDone(ctx, editor.importRecipients(who.name(), bytes(file)), editor.recipients().read().rows());
        });
        r.get("/recipients/export", ctx -> {
            role.need(ctx, Role.EDITOR);
            ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"recipients.csv\"")
                    .result(editor.recipients().exportCsv());
        });

        // ---- the JSON API
        r.get("/api/templates", ctx -> {
            role.need(ctx, Role.EDITOR);
            ctx.json(Map.of("files", files(), "staged", staged(), "period", editor.previewPeriod().key()));
        });
        r.get("/api/templates/versions", ctx -> {
            role.need(ctx, Role.EDITOR);
            ctx.json(versions(path(ctx.queryParam("path"))));
        });
        r.get("/api/templates/download", ctx -> {
            role.need(ctx, Role.EDITOR);
            download(ctx);
        });
        r.post("/api/templates/check", ctx -> {
            ConsoleServer.Who who = role.need(ctx, Role.EDITOR);
            byte[] content = ctx.bodyAsBytes();
            if (content.length == 0) {
                throw new ConsoleActions.Refused("send the new version of the file as the request body, and its path as ?path=");
            }
            String id = editor.stage(who.name(), ctx.queryParam("path") == null ? "" : ctx.queryParam("path").strip(), content,
                    editor.previewPeriod());
            ctx.status(202).json(Map.of("staging", "/api/templates/stagings/" + id));
        });
        r.post("/api/templates/wording", ctx -> {
            ConsoleServer.Who who = role.need(ctx, Role.EDITOR);
            Map<String, Object> b = body(ctx);
            Map<String, String> changes = new LinkedHashMap<>();
            if (b.get("changes") instanceof Map<?, ?> m) {
                m.forEach((k, v) -> changes.put(String.valueOf(k), String.valueOf(v)));
            }
            if (changes.isEmpty()) {
                throw new ConsoleActions.Refused("send {\"path\": \"labels/bulletin_vi.properties\", \"changes\": {\"key\": \"new text\"}}");
            }
            String id = editor.stageWording(who.name(), path(String.valueOf(b.get("path"))), changes, editor.previewPeriod());
            ctx.status(202).json(Map.of("staging", "/api/templates/stagings/" + id));
        });
        r.get("/api/templates/stagings/{id}", ctx -> {
            role.need(ctx, Role.EDITOR);
            EditorActions.Staging s = staging(ctx.pathParam("id"));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", s.path());
            m.put("state", s.running() ? "running" : s.failure() != null ? "failed" : kind(s.result()));
            m.put("message", s.running() ? null : s.failure() != null ? s.failure() : s.result().message());
            Candidate c = s.result() instanceof TemplateEdit.Staged st ? st.candidate()
                    : s.result() instanceof TemplateEdit.Problems p ? p.candidate() : null;
            m.put("candidate", c == null ? null : "/api/templates/candidates/" + c.id());
            ctx.json(m);
        });
        r.get("/api/templates/candidates/{id}", ctx -> {
            role.need(ctx, Role.EDITOR);
            ctx.json(candidate(ctx, "/templates"));
        });
        r.post("/api/templates/candidates/{id}/{action}", ctx -> {
            ConsoleServer.Who who = role.need(ctx, Role.EDITOR);
            apiEdit(ctx, candidateAction(ctx, who));
        });
        r.post("/api/templates/rollback", ctx -> {
            ConsoleServer.Who who = role.need(ctx, Role.EDITOR);
            Map<String, Object> b = body(ctx);
            apiEdit(ctx, editor.rollBack(who.name(), path(String.valueOf(b.get("path"))), number(String.valueOf(b.get("version")))));
        });
        r.get("/api/recipients", ctx -> {
            role.need(ctx, Role.EDITOR);
            RecipientsEditor.Recipients list = editor.recipients().read();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rows", list.rows());
            m.put("problems", list.problems());
            m.put("version", list.version() == null ? null : list.version().version());
            ctx.json(m);
        });
        r.post("/api/recipients/check", ctx -> {
            role.need(ctx, Role.EDITOR);
            ctx.json(Map.of("problems", editor.recipients().check(rowsOf(body(ctx)))));
        });
        r.put("/api/recipients", ctx -> {
            ConsoleServer.Who who = role.need(ctx, Role.EDITOR);
            apiRecipients(ctx, editor.saveRecipients(who.name(), rowsOf(body(ctx))));
        });
        r.post("/api/recipients/import", ctx -> {
            ConsoleServer.Who who = role.need(ctx, Role.EDITOR);
            apiRecipients(ctx, editor.importRecipients(who.name(), ctx.bodyAsBytes()));
        });
        r.get("/api/recipients/export", ctx -> {
            role.need(ctx, Role.EDITOR);
            ctx.contentType("text/csv; charset=utf-8").result(editor.recipients().exportCsv());
        });
    }

    // ---- what the pages show

    private List<FileLine> files() {
        return editor.templates().files().stream().map(f -> new FileLine(f.path(), f.kind().name().toLowerCase(java.util.Locale.ROOT),
                f.size(), f.version(), person(f.changedBy()), when(f.changedAt()), f.changedOutside(), f.path().endsWith(".properties")))
                .toList();
    }

    private List<CandidateLine> staged() {
        return editor.templates().staged().stream().map(c -> line(c, null)).toList();
    }

    private List<VersionLine> versions(String path) {
        List<FileVersion> all = historyOf(path);
        List<VersionLine> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            FileVersion v = all.get(i);
            out.add(new VersionLine(v.version(), person(v.changedBy()), when(v.changedAt()), v.action(), v.size(), i == 0));
        }
        return out;
    }

    private List<FileVersion> historyOf(String path) {
        try {
            return editor.templates().history(path);
        } catch (ReportException e) {
            throw new ConsoleActions.Refused(e.getMessage());
        }
    }

    private List<PropertiesText.Entry> wording(String path) {
        try {
            return editor.templates().wording(path);
        } catch (ReportException e) {
            throw new ConsoleActions.Refused(e.getMessage());
        }
    }

    private CandidateLine candidate(Context ctx, String base) {
        long id = id(ctx);
        Candidate c = editor.templates().candidate(id).orElseThrow(() -> new ConsoleServer.NotFound(Said.of("refused.noCandidate",
                "no candidate " + id, id)));
        return line(c, c.problems().isEmpty() ? editor.templates().preview(id).orElse(null) : null);
    }

    private CandidateLine line(Candidate c, CandidatePreview p) {
        String at = "/templates/candidates/" + c.id() + "/";
        List<String> province = new ArrayList<>();
        List<String> unit = new ArrayList<>();
        if (p != null) {
            for (int i = 0; i < p.provincePages().size(); i++) {
                province.add(at + "province/" + (i + 1) + ".png");
            }
            for (int i = 0; i < p.unitPages().size(); i++) {
                unit.add(at + "unit/" + (i + 1) + ".png");
            }
        }
        return new CandidateLine(c.id(), c.path(), c.state(), c.stagedBy(), when(c.stagedAt()), c.problems(),
                p == null ? null : p.unit(), province, unit,
                p == null || p.provincePdf() == null ? null : at + "province/bulletin.pdf",
                p == null || p.unitPdf() == null ? null : at + "unit/bulletin.pdf");
    }

    /** A picture or PDF of a candidate's preview: only those the preview lists, never a path from the request. */
    private void previewFile(Context ctx) throws IOException {
        long id = id(ctx);
        CandidatePreview p = editor.templates().preview(id).orElseThrow(() -> new ConsoleServer.NotFound(
                Said.of("refused.noPreview", "no preview of candidate " + id, id)));
        boolean province = switch (ctx.pathParam("which")) {
            case "province" -> true;
            case "unit" -> false;
            default -> throw new ConsoleServer.NotFound(Said.of("error.notFound", "province or unit"));
        };
        String n = ctx.pathParam("n");
        Path file;
        if (n.equals("bulletin.pdf")) {
            file = province ? p.provincePdf() : p.unitPdf();
            ctx.contentType("application/pdf");
        } else {
            List<Path> pages = province ? p.provincePages() : p.unitPages();
            int page = n.matches("\\d{1,4}\\.png") ? Integer.parseInt(n.substring(0, n.length() - 4)) : 0;
            file = page >= 1 && page <= pages.size() ? pages.get(page - 1) : null;
            ctx.contentType("image/png");
        }
        if (file == null || !Files.isRegularFile(file)) {
            throw new ConsoleServer.NotFound(Said.of("error.notFound", "no such page"));
        }
        ctx.result(Files.readAllBytes(file));
    }

    private void download(Context ctx) {
        String v = ctx.queryParam("version");
        TemplateEditor.Download d;
        try {
            d = editor.templates().download(path(ctx.queryParam("path")), v == null || v.isBlank() ? null : number(v));
        } catch (ReportException e) {
            throw new ConsoleServer.NotFound(new Said(null, List.of(), e.getMessage()));
        }
        String name = (d.version() == null ? "" : "v" + d.version() + "-") + d.fileName();
        ctx.contentType("application/octet-stream")
                .header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .result(d.content());
    }

    private void afterEdit(Context ctx, TemplateEdit done) {
        if (done instanceof TemplateEdit.Published || done instanceof TemplateEdit.Discarded) {
            page(ctx, "templates.jte", said(views.view(ctx), done), null, Map.of("files", files(), "staged", staged()));
        } else if (done instanceof TemplateEdit.Problems p) {
            ctx.status(400);
            page(ctx, "templates.jte", null, said(views.view(ctx), p) + "\n" + String.join("\n",
                    p.problems().stream().map(x -> ParserProblems.explain(views.view(ctx), x)).toList()),
                    Map.of("files", files(), "staged", staged()));
        } else if (done instanceof TemplateEdit.Staged s) {
            ctx.redirect("/templates/candidates/" + s.candidate().id());
        } else {
            throw new ConsoleActions.Refused(said(views.view(ctx), done));
        }
    }

    private void apiEdit(Context ctx, TemplateEdit done) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("result", kind(done));
        m.put("message", done.message());
        if (done instanceof TemplateEdit.Problems p) {
            m.put("problems", p.problems());
        }
        if (done instanceof TemplateEdit.Published p) {
            m.put("version", p.version().version());
        }
        boolean ok = done instanceof TemplateEdit.Published || done instanceof TemplateEdit.Discarded;
        ctx.status(ok ? 200 : done instanceof TemplateEdit.Problems ? 409 : 400).json(m);
    }

    /** What became of an edit, in the reader's words on the page (the API keeps {@link TemplateEdit#message()}). */
    private static String said(View v, TemplateEdit e) {
        if (e instanceof TemplateEdit.Published p) {
            return v.t("edit.published", p.version().path(), String.valueOf(p.version().version()), action(v, p.version().action()),
                    p.version().changedBy());
        }
        if (e instanceof TemplateEdit.Discarded d) {
            return v.t("edit.discarded", String.valueOf(d.candidate().id()), d.candidate().path());
        }
        if (e instanceof TemplateEdit.Problems p) {
            return v.t("edit.problems", p.path(), String.valueOf(p.problems().size()));
        }
        if (e instanceof TemplateEdit.Refused r) {
            return new Said(r.key(), r.args(), r.reason()).in(v);
        }
        return e.message();
    }

    /** A version's action ("published", "rolled back to version 1") in words. */
    private static String action(View v, String action) {
        java.util.regex.Matcher back = java.util.regex.Pattern.compile("rolled back to version (\\d+)").matcher(action);
        return back.matches() ? v.t("edit.action.rolledBack", back.group(1)) : v.word("edit.action.", action);
    }

    private static String kind(TemplateEdit e) {
        return e instanceof TemplateEdit.Staged ? "staged" : e instanceof TemplateEdit.Problems ? "problems"
                : e instanceof TemplateEdit.Published ? "published" : e instanceof TemplateEdit.Discarded ? "discarded" : "refused";
    }

    private void recipientsDone(Context ctx, RecipientsEdit done, List<RecipientTable.Row> rows) {
        if (done instanceof RecipientsEdit.Saved s) {
                RecipientsEditor.Recipients list = editor.recipients().read();
                page(ctx, "recipients.jte", views.view(ctx).t("recipients.saved", String.valueOf(s.rows()),
                        String.valueOf(s.version().version()), action(views.view(ctx), s.version().action()), s.version().changedBy()),
                        null, Map.of("rows", recipientLines(null, list.rows(), List.of()),
                        "version", views.view(ctx).t("recipients.version", s.version().version(), s.version().changedBy(),
                                when(s.version().changedAt()))));
        } else if (done instanceof RecipientsEdit.Refused x) {
                ctx.status(400);
                page(ctx, "recipients.jte", null, views.view(ctx).t("recipients.refused", String.valueOf(x.problems().size()))
                        + "\n" + String.join("\n",
                        x.problems().stream().map(p -> RecipientProblems.sentence(views.view(ctx), p)).toList()),
                        Map.of("rows", recipientLines(views.view(ctx), rows, x.problems()), "version", ""));
        }
    }

    private void apiRecipients(Context ctx, RecipientsEdit done) {
        if (done instanceof RecipientsEdit.Saved s) {
            ctx.json(Map.of("message", s.message(), "version", s.version().version(), "rows", s.rows()));
        } else if (done instanceof RecipientsEdit.Refused x) {
            ctx.status(400).json(Map.of("error", x.message(), "problems", x.problems()));
        }
    }

    private static List<RecipientLine> recipientLines(View v, List<RecipientTable.Row> rows, List<RecipientTable.Problem> problems) {
        List<RecipientLine> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            int row = i + 1;
            out.add(new RecipientLine(i, rows.get(i), problems.stream().filter(p -> p.row() == row)
                    .map(p -> v.word("recipients.", p.field()) + ": " + RecipientProblems.what(v, p)).toList()));
        }
        for (int i = 0; i < BLANK_ROWS; i++) {
            out.add(new RecipientLine(rows.size() + i, new RecipientTable.Row("", "", "", "province"), List.of()));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<RecipientTable.Row> rowsOf(Map<String, Object> body) {
        if (!(body.get("rows") instanceof List<?> list)) {
            throw new ConsoleActions.Refused("send {\"rows\": [{\"unit\": \"SXD\", \"name\": \"…\", \"email\": \"…\", \"bulletins\": \"unit\"}]}");
        }
        List<RecipientTable.Row> rows = new ArrayList<>();
        for (Object o : list) {
            Map<String, Object> m = o instanceof Map<?, ?> ? (Map<String, Object>) o : Map.of();
            rows.add(new RecipientTable.Row(str(m.get("unit")), str(m.get("name")), str(m.get("email")), str(m.get("bulletins"))));
        }
        return rows;
    }

    // ---- small helpers

    private void page(Context ctx, String template, String notice, String error, Map<String, Object> model) {
        View v = views.view(ctx).on(template.startsWith("recipients") ? "recipients" : "templates").saying(notice, error);
        ctx.html(pages.render(template, v, model));
    }

    private EditorActions.Staging staging(String id) {
        return editor.staging(id).orElseThrow(() -> new ConsoleServer.NotFound(Said.of("refused.noStaging",
                "no staging '" + id + "' (the console was restarted?)", id)));
    }

    private static String path(String path) {
        try {
            return EditableFile.of(path == null ? "" : path.strip()).path();
        } catch (ReportException e) {
            throw new ConsoleActions.Refused(e.getMessage());
        }
    }

    /** Publish or discard a candidate, as the page and the API both ask it: /…/candidates/{id}/{action}. */
    private TemplateEdit candidateAction(Context ctx, ConsoleServer.Who who) {
        long id = id(ctx);
        return switch (ctx.pathParam("action")) {
            case "publish" -> editor.publish(who.name(), id);
            case "discard" -> editor.discard(who.name(), id);
            default -> throw new ConsoleServer.NotFound(Said.of("refused.unknownAction", "use publish or discard",
                    ctx.pathParam("action")));
        };
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ConsoleServer.NotFound(Said.of("refused.noCandidate", "no candidate '" + ctx.pathParam("id") + "'",
                    ctx.pathParam("id")));
        }
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s == null ? "" : s.strip());
        } catch (NumberFormatException e) {
            throw new ConsoleActions.Refused(Said.of("refused.notANumber", "'" + s + "' is not a number", s));
        }
    }

    private static byte[] bytes(UploadedFile file) throws IOException {
        if (file.size() > EditableFile.MAX_BYTES) {
            throw new ConsoleActions.Refused(Said.of("refused.tooLarge", file.filename() + " is larger than "
                    + EditableFile.MAX_BYTES / 1024 + " KB", file.filename(), EditableFile.MAX_BYTES / 1024));
        }
        try (InputStream in = file.content()) {
            return in.readAllBytes();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Context ctx) {
        String text = ctx.body();
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(text, Map.class);
        } catch (IOException e) {
            throw new ConsoleActions.Refused("the request body is not a JSON object: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    /** Who changed a file, or null for "it was in the folder", which the page words in the reader's language. */
    private static String person(String changedBy) {
        return TemplateEditor.IN_THE_FOLDER.equals(changedBy) ? null : changedBy;
    }

    private String when(Instant t) {
        return t == null ? "" : WHEN.format(t.atZone(zone));
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
