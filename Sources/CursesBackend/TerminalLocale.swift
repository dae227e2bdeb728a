import Glibc

/// Wide characters need a UTF-8 LC_CTYPE: without one curses cannot emit anything but
/// ASCII and wcwidth rejects every other character. Sessions over SSH often arrive with
/// no locale at all while the terminal itself speaks UTF-8, so after the user's locale we
/// fall back to C.UTF-8 (always present in glibc ≥ 2.35) for LC_CTYPE only.
enum TerminalLocale {
    static func configure() {
        setlocale(LC_ALL, "")
        guard !isUTF8 else { return }
        for candidate in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, candidate) != nil {
            return
        }
    }

    static var isUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
