import Foundation
import Prometheus
import Synchronization

/// What `/metrics` exposes: requests and their latency by route and status, open sockets.
public struct ServerMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    private static var requests: MetricNameDescriptor {
        MetricNameDescriptor(
        namespace: "taskflow", metricName: "http_requests", unitName: "total", helpText: "HTTP requests by route, method and status")
    }
    private static var latency: MetricNameDescriptor {
        MetricNameDescriptor(
        namespace: "taskflow", metricName: "http_request_duration", unitName: "seconds", helpText: "HTTP request latency")
    }
    private let buckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
    ]
    private let requestHandles = HandleTable()
    public let openSockets: Gauge
    public let liveEventsSent: Counter

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        openSockets = registry.makeGauge(
            descriptor: .init(namespace: "taskflow", metricName: "open_sockets", unitName: "", helpText: "Open Socket.IO connections"))
        liveEventsSent = registry.makeCounter(
            descriptor: .init(namespace: "taskflow", metricName: "live_events_sent", unitName: "total", helpText: "Task events written to sockets"))
    }

    func record(route: String, method: String, status: Int, duration: Duration) {
        let key = RequestMetricKey(route: route, method: method, status: status)
        let handles = requestHandles.table.withLock { $0[key] } ?? makeHandles(key)
        handles.count.increment()
        handles.latency.record(duration)
    }

    /// The registry finds a metric by building and hashing its label strings; keeping the
    /// handles per (route, method, status) does that once instead of on every request.
    private func makeHandles(_ key: RequestMetricKey) -> RequestMetricHandles {
        let labels = [("route", key.route), ("method", key.method), ("status", String(key.status))]
        let handles = RequestMetricHandles(
            count: registry.makeCounter(descriptor: Self.requests, labels: labels),
            latency: registry.makeDurationHistogram(descriptor: Self.latency, labels: labels, buckets: buckets))
        requestHandles.table.withLock { $0[key] = handles }
        return handles
    }

    public func exposition() -> String { registry.emitToString() }
}

private struct RequestMetricKey: Hashable {
    let route: String
    let method: String
    let status: Int
}

private struct RequestMetricHandles: Sendable {
    let count: Counter
    let latency: DurationHistogram
}

/// Shared by every copy of `ServerMetrics`.
private final class HandleTable: Sendable {
    let table = Mutex<[RequestMetricKey: RequestMetricHandles]>([:])
}
