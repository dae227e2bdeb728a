import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads secrets and answers: from stdin for scripts (`--password-stdin`), else from the
/// controlling terminal with echo off, so the password never shows or lands in history.
enum PasswordPrompt {
    static func readStdinLine() throws -> String {
        guard let line = readLine(strippingNewline: true) else {
            throw CommandFailure(message: "--password-stdin was given but stdin is empty.", code: ExitCodes.usage)
        }
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }

    static func ask(_ prompt: String, secret: Bool) throws -> String {
        let tty = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard tty >= 0 else {
            throw CommandFailure(
                message: "No terminal to ask for the \(secret ? "password" : "answer") on. Pass it with \(secret ? "--password-stdin" : "an option").",
                code: ExitCodes.usage)
        }
        defer { close(tty) }
        _ = prompt.withCString { write(tty, $0, strlen($0)) }
        var saved = termios()
        let canHide = tcgetattr(tty, &saved) == 0
        if secret && canHide {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(tty, TCSAFLUSH, &quiet)
        }
        defer {
            if secret && canHide {
                tcsetattr(tty, TCSAFLUSH, &saved)
                _ = write(tty, "\n", 1)
            }
        }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(tty, &byte, 1) == 1, byte != 0x0A { bytes.append(byte) }
        if bytes.last == 0x0D { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
