import Foundation
import NIOSSL
import PostgresNIO

/// Where a `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=…&sslrootcert=…]` URL
/// points, and how to protect the connection, with libpq's meanings of `sslmode`.
struct PostgresEndpoint: Sendable {
    /// libpq's `sslmode` values.
    enum TLSMode: String, CaseIterable, Sendable {
        /// Plain TCP.
        case disable
        /// TLS when the server offers it, certificate not checked (libpq's default).
        case allow, prefer
        /// TLS or no connection; the certificate is checked only against `sslrootcert` if given.
        case require
        /// TLS with a certificate signed by a trusted root (any host name).
        case verifyCA = "verify-ca"
        /// TLS with a trusted certificate for this host name: the one to use across networks.
        case verifyFull = "verify-full"
    }

    var host: String
    var port: Int
    var username: String
    var password: String?
    var database: String
    var tlsMode: TLSMode
    /// `sslrootcert`: a PEM file of the roots to trust instead of the system's.
    var rootCertificatePath: String?

    init(url: String) throws {
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? ""),
            let host = parts.host, !host.isEmpty
        else {
            throw ConfigurationError("DATABASE_URL is not valid: expected postgres://USER:PASSWORD@HOST:PORT/DATABASE")
        }
        self.host = host
        port = parts.port ?? 5432
        username = parts.user?.removingPercentEncoding ?? "postgres"
        password = parts.password?.removingPercentEncoding
        let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        database = path.isEmpty ? username : (path.removingPercentEncoding ?? path)
        let query = parts.queryItems ?? []
        let mode = query.first(where: { $0.name == "sslmode" })?.value ?? TLSMode.prefer.rawValue
        guard let tlsMode = TLSMode(rawValue: mode) else {
            let known = TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
            throw ConfigurationError("DATABASE_URL sslmode \"\(mode)\" is not one of \(known)")
        }
        self.tlsMode = tlsMode
        rootCertificatePath = query.first(where: { $0.name == "sslrootcert" })?.value.flatMap { $0.isEmpty ? nil : $0 }
        if let rootCertificatePath, !FileManager.default.isReadableFile(atPath: rootCertificatePath) {
            throw ConfigurationError("DATABASE_URL sslrootcert \"\(rootCertificatePath)\" is not a readable file")
        }
    }

    /// What NIOSSL is told: which roots, and how much of the certificate to check.
    var tlsConfiguration: TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let rootCertificatePath { configuration.trustRoots = .file(rootCertificatePath) }
        switch tlsMode {
        case .disable, .allow, .prefer:
            configuration.certificateVerification = .none
        case .require:
            // As libpq: with a root certificate given, `require` checks the chain.
            configuration.certificateVerification = rootCertificatePath == nil ? .none : .noHostnameVerification
        case .verifyCA:
            configuration.certificateVerification = .noHostnameVerification
        case .verifyFull:
            configuration.certificateVerification = .fullVerification
        }
        return configuration
    }

    func clientConfiguration(pool: DatabasePoolSettings) -> PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database,
            tls: .disable)
        switch tlsMode {
        case .disable: break
        case .allow, .prefer: configuration.tls = .prefer(tlsConfiguration)
        case .require, .verifyCA, .verifyFull: configuration.tls = .require(tlsConfiguration)
        }
        configuration.options.maximumConnections = pool.maxConnections
        configuration.options.minimumConnections = pool.minConnections
        configuration.options.connectTimeout = .milliseconds(pool.connectTimeoutMillis)
        // The server stops a statement the client has given up on, so it does not hold locks.
        configuration.options.additionalStartupParameters = [("statement_timeout", String(pool.queryTimeoutMillis))]
        configuration.options.keepAliveBehavior = .init(frequency: .seconds(15))
        return configuration
    }

    /// A single connection outside the pool (for LISTEN).
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch tlsMode {
        case .disable: tls = .disable
        case .allow, .prefer: tls = .prefer(try NIOSSLContext(configuration: tlsConfiguration))
        case .require, .verifyCA, .verifyFull: tls = .require(try NIOSSLContext(configuration: tlsConfiguration))
        }
        return PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
    }
}
