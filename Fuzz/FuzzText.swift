// libFuzzer target: text from the server on its way to a terminal. Sanitised text holds
// nothing a terminal would act on, widths are never negative, and wrapped lines fit.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    let clean = TextSanitizer.sanitize(text)
    precondition(!clean.unicodeScalars.contains(where: TextSanitizer.isUnsafe), "unsafe scalar survived: \(Array(text.unicodeScalars))")
    precondition(DisplayWidth.of(clean) >= 0)
    let width = Int(count % 40) + 1
    for line in TextWrap.wrap(clean, width: width) {
        precondition(DisplayWidth.of(line) <= max(width, 2), "a wrapped line is wider than \(width): \(line)")
    }
    return 0
}
