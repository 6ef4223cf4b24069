package vn.bantin.console;

/**
 * What every page knows: the words in the reader's language, who is signed in (null on the sign-in page), the CSRF
 * token its forms carry, which menu item is open, and a line to show at the top (a result or a refusal).
 */
public record View(ConsoleLabels labels, String lang, String user, Role role, String csrf, String active, String notice,
                   String error) {

    public String t(String key, Object... args) {
        return labels.get(lang, key, args);
    }

    /** Whether the signed-in user's role allows what {@code role} may do: the page offers only that. */
    public boolean may(String role) {
        return this.role != null && this.role.mayDo(Role.parse(role).orElseThrow());
    }

    public String otherLang() {
        return "vi".equals(lang) ? "en" : "vi";
    }

    View on(String menu) {
        return new View(labels, lang, user, role, csrf, menu, notice, error);
    }

    View saying(String notice, String error) {
        return new View(labels, lang, user, role, csrf, active, notice, error);
    }
}
