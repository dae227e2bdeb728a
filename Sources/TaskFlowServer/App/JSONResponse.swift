import Foundation
import Hummingbird
import TaskFlowCore

/// JSON answers with the contract's date format.
enum JSONResponse {
    static func make<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        raw(try TaskFlowJSON.encode(value), status: status, headers: headers)
    }

    /// Tasks and pages, the hot answers, go through the allocation-light writer.
    static func make(_ task: TaskItem, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var writer = JSONWriter(capacity: 512)
        task.writeJSON(into: &writer)
        return bytes(writer.bytes, status: status, headers: headers)
    }

    /// A page's JSON, kept as a buffer so that the list cache can serve it again.
    static func body(_ page: TaskPage) -> ByteBuffer {
        var writer = JSONWriter(capacity: 512 * max(1, page.tasks.count))
        page.writeJSON(into: &writer)
        return ByteBuffer(bytes: writer.bytes)
    }

    static func body(_ body: ByteBuffer, status: HTTPResponse.Status = .ok, headers: HTTPFields) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: body))
    }

    static func raw(_ data: Data, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func bytes(_ bytes: [UInt8], status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
