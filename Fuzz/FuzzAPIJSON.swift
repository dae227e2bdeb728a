import Foundation

// libFuzzer target: the JSON both sides decode with TaskFlowCore — the client reading API
// answers, the server reading request bodies. Nothing may crash, and whatever decodes must
// survive an encode/decode round trip unchanged.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAPIJSON(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    roundTrip(TaskItem.self, data)
    roundTrip(TaskPage.self, data)
    roundTrip(TaskStats.self, data)
    roundTrip(AuthResponse.self, data)
    roundTrip(ErrorBody.self, data)
    if let changes = try? TaskFlowJSON.decode(TaskChanges.self, from: data) {
        if let title = changes.title { _ = Validation.title(title) }
        if let description = changes.description { _ = Validation.description(description) }
    }
    return 0
}

private func roundTrip<T: Codable & Equatable>(_ type: T.Type, _ data: Data) {
    guard let value = try? TaskFlowJSON.decode(type, from: data) else { return }
    guard let again = try? TaskFlowJSON.decode(type, from: TaskFlowJSON.encode(value)), again == value else {
        fatalError("\(type) does not survive a round trip: \(String(decoding: data, as: UTF8.self))")
    }
}
