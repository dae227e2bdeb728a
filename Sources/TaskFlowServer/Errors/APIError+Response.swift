import Foundation
import Hummingbird
import TaskFlowCore

extension APIError {
    var body: ErrorBody {
        ErrorBody(
            code: code, message: message,
            details: details.isEmpty ? nil : details.map { ErrorBody.Detail(field: $0.field, message: $0.message) })
    }

    func response() -> Response {
        let data = (try? TaskFlowJSON.encode(body)) ?? Data(#"{"error":{"code":"internal","message":"error"}}"#.utf8)
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
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
