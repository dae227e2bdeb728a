extension JSONValue {
    /// Compact JSON text with object keys sorted, so one value has one spelling.
    public var json: String {
        var writer = JSONWriter(capacity: 64)
        write(into: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    func write(into w: inout JSONWriter) {
        switch self {
        case .null: w.raw("null")
        case .bool(let value): value ? w.raw("true") : w.raw("false")
        case .int(let value): w.int(value)
        // JSON has no NaN or infinity; `description` of a finite Double is valid JSON.
        case .double(let value): value.isFinite ? w.rawText(value.description) : w.raw("null")
        case .string(let value): w.string(value)
        case .array(let elements):
            w.raw("[")
            for (index, element) in elements.enumerated() {
                if index > 0 { w.raw(",") }
                element.write(into: &w)
            }
            w.raw("]")
        case .object(let members):
            w.raw("{")
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { w.raw(",") }
                w.string(key)
                w.raw(":")
                members[key]!.write(into: &w)
            }
            w.raw("}")
        }
    }
}
