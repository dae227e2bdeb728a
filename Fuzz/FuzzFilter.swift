import Foundation

// libFuzzer target: the full-screen client's filter line. Any text gives a query or a
// problem to show, never a crash; a query written back as text parses to itself; Tab
// completion copes with anything typed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFilter(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    let syntax = FilterSyntax(now: Date(timeIntervalSince1970: 1_796_000_000))
    if let query = try? syntax.parse(text) {
        let written = syntax.text(of: query)
        guard let again = try? syntax.parse(written), again == query else {
            fatalError("\(text.debugDescription) → \(written.debugDescription) does not parse back to the same query")
        }
    }
    _ = FilterCompletion.complete(text)
    return 0
}
