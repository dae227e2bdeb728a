import Foundation
import Hummingbird
import NIOHTTP1
import TaskFlowCore

extension APIError {
    var body: ErrorBody {
        ErrorBody(
            code: code, message: message,
            details: details.isEmpty ? nil : details.map { ErrorBody.Detail(field: $0.field, message: $0.message) })
    }

    /// The body as JSON bytes.
    var encodedBody: Data {
        (try? TaskFlowJSON.encode(body)) ?? Data(#"{"error":{"code":"internal","message":"error"}}"#.utf8)
    }

    func response() -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: encodedBody)))
    }

    /// Any error as the contract's shape; unknown errors become a 500 that reveals nothing.
    static func from(_ error: any Error) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as ValidationFailure:
            return .validation(error)
        case let error as StorageError where error.isUnavailable:
            return .unavailable
        case is HTTPParserError:
            // The parser refused the rest of a request body being read (see RequestHeadGuard).
            return .badRequest("the request is not valid HTTP/1.1")
        case let error as HTTPError:
            switch error.status {
            case .notFound: return .notFound("no such endpoint")
            case .contentTooLarge: return .payloadTooLarge()
            case .methodNotAllowed: return .init(.methodNotAllowed, "method_not_allowed", "method not allowed on this endpoint")
            case .badRequest: return .badRequest(error.body ?? "bad request")
            case .unsupportedMediaType: return .unsupportedMediaType
            default:
                return error.status.code < 500
                    ? .init(error.status, "bad_request", error.body ?? error.status.reasonPhrase) : .internal
            }
        default:
            return .internal
        }
    }
}
