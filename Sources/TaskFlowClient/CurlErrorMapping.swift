import CCurl
import Foundation

/// Turns a libcurl failure into a plain-language `ClientError`.
enum CurlErrorMapping {
    static func error(for code: CURLcode, detail: String, url: URL) -> ClientError {
        let server = ServerAddress.origin(of: url)
        let detailText = detail.isEmpty ? String(cString: tf_curl_easy_strerror(code)) : detail
        switch code {
        case CURLE_COULDNT_CONNECT:
            return ClientError(.connectionRefused(server: server))
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return ClientError(.hostNotFound(host: url.host ?? server))
        case CURLE_OPERATION_TIMEDOUT:
            return ClientError(.timedOut(server: server))
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CACERT_BADFILE,
             CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            return ClientError(.tls(server: server, detail: detailText))
        case CURLE_PARTIAL_FILE, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_HTTP2_STREAM, CURLE_HTTP2:
            return ClientError(.connectionLost(server: server))
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return ClientError(.invalidServer(server))
        default:
            return ClientError(.network(server: server, detail: detailText))
        }
    }
}
