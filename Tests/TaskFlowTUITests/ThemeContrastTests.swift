import Foundation
import TerminalUI
import XCTest

/// Every theme in Themes/*.toml is readable: each style a user sees (VisibleStyles) reaches
/// WCAG 4.5:1 between its text and background colours, 3:1 for dim text, in both the
/// 256-colour and the 8-colour values. Pairs involving the terminal's own default colour
/// are the user's choice and are not judged.
final class ThemeContrastTests: XCTestCase {
    private let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Themes")

    func testEveryVisibleStyleOfEveryThemeIsReadable() throws {
        let styles = VisibleStyles.all()
        XCTAssertGreaterThan(styles.count, 20, "the views were not rendered: \(styles)")
        let files = try FileManager.default.contentsOfDirectory(atPath: themes.path).filter { $0.hasSuffix(".toml") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 6)
        var failures: [String] = []
        for file in files {
            let name = String(file.dropLast(5))
            let theme = try ThemeFile(name: name, parsing: String(contentsOf: themes.appendingPathComponent(file), encoding: .utf8)).theme
            for mode in [ColorMode.palette256, .eight] {
                for style in styles.sorted(by: { "\($0)" < "\($1)" }) {
                    let resolved = theme.resolve(style, mode: mode)
                    var (text, back) = (resolved.foreground, resolved.background)
                    if resolved.attributes.contains(.reverse) { swap(&text, &back) }
                    guard let ratio = ContrastRatio.between(text, back) else { continue }
                    let dim = resolved.attributes.contains(.dim) || style.foreground == .dim
                    let needed = dim ? 3.0 : 4.5
                    if ratio < needed {
                        failures.append(String(format: "%@ %@: %@ on %@ is %.2f:1 (needs %.1f)", name, "\(mode)",
                                               style.foreground.name, style.background.name, ratio, needed))
                    }
                }
            }
        }
        XCTAssertEqual(failures, [], "\n" + failures.joined(separator: "\n"))
    }
}
