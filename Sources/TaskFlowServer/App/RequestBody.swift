import Foundation
import Hummingbird
import NIOCore
import TaskFlowCore

/// Reading a JSON request body the contract's way: JSON only (415), at most 64 KiB (413;
/// a batch may send 1 MiB), and every decoding problem turned into a message that names
/// the field.
enum RequestBody {
    static func data(_ request: Request, context: AppRequestContext, limit: Int = Validation.bodyMax) async throws -> Data {
        let mediaType = request.headers[.contentType].flatMap(MediaType.init(from:))
        guard let mediaType, mediaType.isType(.applicationJson) || mediaType.subType.hasSuffix("+json") else {
            throw APIError.unsupportedMediaType
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw APIError.payloadTooLarge(limit: limit)
        }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Data(buffer: buffer)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw APIError.payloadTooLarge(limit: limit)
        } catch is NIOTooManyBytesError {
            // A chunked body has no Content-Length to check first: it stops here instead.
            throw APIError.payloadTooLarge(limit: limit)
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        guard !data.isEmpty else { throw APIError.badRequest("request body is empty; send a JSON object") }
        guard String(validatingUTF8CString: data) != nil else {
            throw APIError.badRequest("request body is not valid UTF-8")
        }
        // Foundation's decoder accepts `{"a":1,}`; RFC 8259 does not, and neither do we.
        guard !hasTrailingComma(data) else { throw APIError.badRequest("request body is not valid JSON (a comma before } or ])") }
        do {
            return try TaskFlowJSON.decode(type, from: data)
        } catch let error as DecodingError {
            throw map(error)
        }
    }

    /// True when a `,` outside a string is followed (after whitespace) by `}` or `]`.
    static func hasTrailingComma(_ data: Data) -> Bool {
        var inString = false, escaped = false, afterComma = false
        for byte in data {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): continue
            case UInt8(ascii: "}"), UInt8(ascii: "]"): if afterComma { return true }
            case UInt8(ascii: "\""): inString = true
            default: break
            }
            afterComma = byte == UInt8(ascii: ",")
        }
        return false
    }

    static func map(_ error: DecodingError) -> APIError {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return .badRequest("request body is not valid JSON")
        case .dataCorrupted(let context):
            let field = fieldName(context.codingPath)
            return .validation(FieldProblem(field, allowedValues[field] ?? context.debugDescription))
        case .typeMismatch(let type, let context) where context.codingPath.isEmpty:
            _ = type
            return .badRequest("request body must be a JSON object")
        case .typeMismatch(let type, let context):
            let field = fieldName(context.codingPath)
            return .validation(FieldProblem(field, allowedValues[field] ?? "must be \(describe(type))"))
        case .valueNotFound(_, let context) where context.codingPath.isEmpty:
            // The body is `null`: no field is at fault, the whole body is the wrong shape.
            return .badRequest("request body must be a JSON object")
        case .valueNotFound(_, let context):
            return .validation(FieldProblem(fieldName(context.codingPath), "must not be null"))
        case .keyNotFound(let key, let context):
            return .validation(FieldProblem(fieldName(context.codingPath + [key]), "is required"))
        @unknown default:
            return .badRequest("request body could not be read")
        }
    }

    private static let allowedValues = [
        "status": "must be one of todo, in-progress, done",
        "priority": "must be one of low, medium, high",
        "dueDate": "must be a date (YYYY-MM-DD), an RFC 3339 timestamp, or null",
    ]

    private static func fieldName(_ path: [any CodingKey]) -> String {
        path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "of a different type"
        }
    }
}

private extension String {
    /// Strict UTF-8 check (Foundation's JSON decoder would otherwise repair or misreport it).
    init?(validatingUTF8CString data: Data) {
        guard let text = String(validating: data, as: UTF8.self) else { return nil }
        self = text
    }
}
