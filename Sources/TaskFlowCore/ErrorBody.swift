/// The one shape of every non-2xx answer:
/// `{"error": {"code": …, "message": …, "details": [{"field": …, "message": …}]}}`.
public struct ErrorBody: Codable, Sendable, Equatable {
    public struct Detail: Codable, Sendable, Equatable {
        public var field: String
        public var message: String

        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    public struct Payload: Codable, Sendable, Equatable {
        public var code: String
        public var message: String
        public var details: [Detail]?

        public init(code: String, message: String, details: [Detail]? = nil) {
            self.code = code
            self.message = message
            self.details = details
        }
    }

    public var error: Payload

    public init(code: String, message: String, details: [Detail]? = nil) {
        self.error = Payload(code: code, message: message, details: details)
    }
}
