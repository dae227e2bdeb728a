import Foundation
import TaskFlowClient
import TaskFlowTestSupport

/// An access token for a user of a test server, signed with that server's key, that
/// expired half an hour ago: the server answers it with `token_expired`, exactly as it
/// answers a token that outlived `JWT_EXPIRES_IN`, and the test need not wait for one to.
/// Python's standard library signs it (hmac, hashlib), not code of ours.
enum ExpiredAccessToken {
    private static let script = """
        import base64, hashlib, hmac, json, sys, time
        def part(data): return base64.urlsafe_b64encode(data).rstrip(b"=").decode()
        def claims(obj): return part(json.dumps(obj, separators=(",", ":")).encode())
        now = int(time.time())
        body = claims({"alg": "HS256", "typ": "JWT"}) + "." + claims(
            {"sub": sys.argv[2], "iat": now - 3600, "exp": now - 1800, "jti": "expired-%d" % now, "typ": "access"})
        print(body + "." + part(hmac.new(sys.argv[1].encode(), body.encode(), hashlib.sha256).digest()))
        """

    static func make(userID: String, server: ServerProcess) throws -> String {
        guard let secret = server.environment["JWT_SECRET"] else { throw Failure("the test server has no JWT_SECRET") }
        let run = try CommandLineRun.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, secret, userID],
            environment: ProcessInfo.processInfo.environment)
        guard run.status == 0 else { throw Failure("python3 could not sign a token: \(run.stderr)") }
        return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Puts an expired access token in place of the one saved under `home`, as if the
    /// saved session had sat unused past its access token's lifetime.
    static func install(home: TemporaryDirectory, server: ServerProcess) throws {
        let store = FileCredentialStore.standard(environment: ["HOME": home.path, "XDG_CONFIG_HOME": home.path])
        guard var credentials = try store.load(server: server.address) else { throw Failure("no saved session under \(home.path)") }
        credentials.accessToken = try make(userID: credentials.user.id, server: server)
        try store.save(credentials, server: server.address)
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
