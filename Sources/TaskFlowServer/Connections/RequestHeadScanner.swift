import NIOCore

/// Collects a request head from raw bytes up to its end: the first empty line after some
/// content. Bare `\n` line ends count too, as the HTTP parser accepts them; empty lines
/// before the request line do not end anything.
struct RequestHeadScanner {
    /// The HTTP decoder refuses longer heads itself (400).
    static let maxHeadBytes = 80 * 1024
    private var sawContent = false
    private var atLineStart = false
    private(set) var head: [UInt8] = []

    enum Progress {
        /// The head goes on in later bytes; everything fed so far is in `head`.
        case incomplete
        /// The head ends after this many bytes of the chunk just fed.
        case complete(bytesOfChunk: Int)
        /// Longer than any head the server accepts; the scanner gave up after this many
        /// bytes of the chunk just fed.
        case tooLong(bytesOfChunk: Int)
    }

    mutating func feed(_ bytes: ByteBuffer) -> Progress {
        for (offset, byte) in bytes.readableBytesView.enumerated() {
            guard head.count < Self.maxHeadBytes else { return .tooLong(bytesOfChunk: offset) }
            head.append(byte)
            switch byte {
            case UInt8(ascii: "\n"):
                if atLineStart && sawContent { return .complete(bytesOfChunk: offset + 1) }
                atLineStart = true
            case UInt8(ascii: "\r"):
                continue
            default:
                sawContent = true
                atLineStart = false
            }
        }
        return .incomplete
    }
}
