import CCurl

/// `curl_global_init` must run once before any handle exists and is not thread-safe, so it
/// runs inside a `static let` initialiser, which Swift guarantees happens exactly once.
enum CurlGlobal {
    private static let initialised: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    static func ensure() { _ = initialised }

    static let versionText: String = String(cString: curl_version())
}
