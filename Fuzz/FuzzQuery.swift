// libFuzzer target: a query string as the server reads it (QueryString.pairs, then
// TaskQuery.parse). Any bytes must give a query or a validation failure, never a crash,
// and a parsed query must be within the contract's bounds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let raw = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    if let query = try? TaskQuery.parse(QueryString.pairs(raw)) {
        precondition(query.page >= 1 && (1...100).contains(query.limit), "out of bounds: \(raw)")
    }
    return 0
}
