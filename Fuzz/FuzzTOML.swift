// libFuzzer target: config.toml and theme files as TerminalUI reads them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTOML(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    _ = try? TOMLDocument(parsing: text)
    return 0
}
