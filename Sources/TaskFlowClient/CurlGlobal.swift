import CCurl

/// `curl_global_init` must run once before any handle exists and is not thread-safe, so it
/// runs inside a `static let` initialiser, which Swift guarantees happens exactly once.
enum CurlGlobal {
    private static let initialised: Bool = tf_curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    static func ensure() { _ = initialised }

    /// Why libcurl could not be loaded (it is loaded on first use, not linked), if it could not.
    static var loadError: String? { tf_curl_load_error().map { String(cString: $0) } }

    static let versionText: String = String(cString: tf_curl_version())
}
