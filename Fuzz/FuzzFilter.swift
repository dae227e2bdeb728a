import Foundation
import TaskFlowCore

// libFuzzer target: the full-screen client's filter line. Any text gives a filter or a
// problem to show, never a crash; a filter written back as text reads as itself (its query
// and its due values), and so does its query written with dates; Tab completion copes with
// anything typed and every candidate it offers extends the line.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFilter(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    let syntax = FilterSyntax(now: Date(timeIntervalSince1970: 1_796_000_000))
    if let reading = try? syntax.read(text) {
        let written = syntax.text(of: reading.query, due: reading.due)
        guard let again = try? syntax.read(written), again.query == reading.query, again.due == reading.due else {
            fatalError("\(text.debugDescription) → \(written.debugDescription) does not read back to the same filter")
        }
        let dated = syntax.text(of: reading.query)
        guard let datedAgain = try? syntax.parse(dated), datedAgain == reading.query else {
            fatalError("\(text.debugDescription) → \(dated.debugDescription) does not parse back to the same query")
        }
    }
    if let completion = FilterCompletion.complete(text) {
        for choice in completion.choices where !choice.hasPrefix(completion.line) {
            fatalError("\(text.debugDescription): the choice \(choice.debugDescription) does not extend \(completion.line.debugDescription)")
        }
    }
    return 0
}
