import Foundation

/// A small append-only JSON writer for the answers the server sends most (tasks and pages).
/// Foundation's `JSONEncoder` spends most of a list request's time in generic boxing; this
/// writes the same JSON (keys sorted, `/` unescaped) straight into a byte buffer.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Text that is already valid JSON (a number's spelling, a payload encoded elsewhere).
    public mutating func rawText(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    public mutating func int(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A JSON string: quotes, backslashes and control characters escaped as RFC 8259 asks.
    public mutating func string(_ value: String) {
        bytes.append(0x22)
        for byte in value.utf8 {
            switch byte {
            case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
            case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
            case 0x08: bytes.append(contentsOf: [0x5C, 0x62])
            case 0x0C: bytes.append(contentsOf: [0x5C, 0x66])
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }

    public mutating func date(_ value: Date?) {
        guard let value else { return raw("null") }
        bytes.append(0x22)
        Timestamp.write(value, into: &bytes)
        bytes.append(0x22)
    }
}

extension TaskItem {
    /// This task as JSON, keys sorted, exactly as `TaskFlowJSON.encode` spells it.
    public func writeJSON(into w: inout JSONWriter) {
        w.raw("{\"completedAt\":")
        w.date(completedAt)
        w.raw(",\"createdAt\":")
        w.date(createdAt)
        w.raw(",\"description\":")
        w.string(description)
        w.raw(",\"dueDate\":")
        w.date(dueDate)
        w.raw(",\"id\":")
        w.string(id)
        w.raw(",\"priority\":")
        w.string(priority.rawValue)
        w.raw(",\"status\":")
        w.string(status.rawValue)
        w.raw(",\"title\":")
        w.string(title)
        w.raw(",\"updatedAt\":")
        w.date(updatedAt)
        w.raw(",\"version\":")
        w.int(version)
        w.raw("}")
    }
}

extension TaskItem {
    /// This task as JSON bytes, as `writeJSON` spells it.
    public var json: Data {
        var w = JSONWriter(capacity: 512)
        writeJSON(into: &w)
        return Data(w.bytes)
    }
}

extension TaskPage {
    public func writeJSON(into w: inout JSONWriter) {
        w.raw("{\"pagination\":{\"limit\":")
        w.int(pagination.limit)
        w.raw(",\"page\":")
        w.int(pagination.page)
        w.raw(",\"pages\":")
        w.int(pagination.pages)
        w.raw(",\"total\":")
        w.int(pagination.total)
        w.raw("},\"tasks\":[")
        for (index, task) in tasks.enumerated() {
            if index > 0 { w.raw(",") }
            task.writeJSON(into: &w)
        }
        w.raw("]}")
    }
}

