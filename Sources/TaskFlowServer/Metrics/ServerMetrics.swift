import Foundation
import Prometheus

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
        let labels = [("route", route), ("method", method), ("status", String(status))]
        registry.makeCounter(descriptor: Self.requests, labels: labels).increment()
        registry.makeDurationHistogram(descriptor: Self.latency, labels: labels, buckets: buckets).record(duration)
    }

    public func exposition() -> String { registry.emitToString() }
}
