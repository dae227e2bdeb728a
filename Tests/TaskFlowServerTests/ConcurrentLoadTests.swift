import Foundation
import HTTPTypes
import HummingbirdTesting
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// Many clients at once on a live server: every answer arrives. (A synchronous database
/// read on Swift's cooperative threads once deadlocked exactly this: threads blocked waiting
/// for a reader held by tasks that needed those threads to finish.)
final class ConcurrentLoadTests: XCTestCase {
    func testTwoHundredConcurrentListsAndReadsAllAnswer() async throws {
        let services = try await TestServer.services { $0.rateLimitMaxRequests = 0 }
        try await TestServer.app(services).test(.live) { client in
            let ann = try await client.register()
            var ids: [String] = []
            for n in 0..<20 {
                let priority = ["low", "medium", "high"][n % 3]
                ids.append(try await client.createTask(#"{"title":"load \#(n)","priority":"\#(priority)"}"#, token: ann.accessToken).id)
            }
            let uris = (0..<200).map { n -> String in
                switch n % 4 {
                case 0: "/api/v1/tasks?limit=5&page=\(n % 5 + 1)"
                case 1: "/api/v1/tasks?priority=\(["low", "medium", "high"][n % 3])&sort=title"
                case 2: "/api/v1/tasks/\(ids[n % ids.count])"
                default: "/api/v1/tasks?q=load&limit=\(n % 20 + 1)"
                }
            }
            // 50 connections of 4 requests each, like 50 clients (one test client would
            // send everything over a single connection, one request at a time).
            let port = client.port!
            let token = ann.accessToken
            let statuses = try await withTimeout(60) {
                try await withThrowingTaskGroup(of: [HTTPResponse.Status].self) { group in
                    for connection in 0..<50 {
                        group.addTask {
                            let peer = TestClient(host: "127.0.0.1", port: port)
                            peer.connect()
                            defer { Task { try? await peer.shutdown() } }
                            var answered: [HTTPResponse.Status] = []
                            for uri in uris[(connection * 4)..<(connection * 4 + 4)] {
                                answered.append(try await peer.get(uri, headers: [.authorization: "Bearer \(token)"]).status)
                            }
                            return answered
                        }
                    }
                    var all: [HTTPResponse.Status] = []
                    for try await some in group { all += some }
                    return all
                }
            }
            XCTAssertEqual(statuses.count, 200)
            XCTAssertTrue(statuses.allSatisfy { $0 == .ok }, "\(Set(statuses.map(\.code)))")
        }
    }
}
