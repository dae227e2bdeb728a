import Foundation

/// Short handles for task ids, and what a handle the user typed means.
///
/// A ULID starts with 10 digits of creation time, so tasks made close together share long
/// prefixes; its tail is random. The short id shown is therefore the shortest TAIL of an id
/// that no other id of the set ends with, at least `minimumLength` characters (4–5 suffice
/// even among 100,000 ids). Input is read case-insensitively: a full id as is, else the ids
/// ending with it, else (a copied head of an id) the ids starting with it.
///
/// Built once per change of the id set: the ids are sorted twice (by reversed text and by
/// text), O(n log n); a tail or a lookup is then a binary search, O(log n). The ids live in
/// one byte buffer (no object per id), so 100,000 ids cost about 4 MB; making them takes
/// about 0.1 s (release build, 2 cores).
public struct ShortIDs: Sendable {
    public static let minimumLength = 4

    /// Every id's bytes, one after the other; id `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int32]
    /// Id indices ordered by their reversed, case-folded text (tails), and by their text (heads).
    private let byTail: [Int32]
    private let byHead: [Int32]

    public init<S: Sequence>(_ ids: S) where S.Element == String {
        var bytes: [UInt8] = [], starts: [Int32] = [0]
        for id in ids {
            bytes.append(contentsOf: id.utf8)
            starts.append(Int32(bytes.count))
        }
        self.bytes = bytes
        self.starts = starts
        let count = starts.count - 1
        let byTail = Self.sorted(count, bytes: bytes, starts: starts, reversed: true)
        // The same id given twice is one id (it would otherwise be its own neighbour).
        self.byTail = Self.withoutRepeats(byTail, bytes: bytes, starts: starts, reversed: true)
        byHead = Self.withoutRepeats(Self.sorted(count, bytes: bytes, starts: starts, reversed: false), bytes: bytes, starts: starts, reversed: false)
    }

    /// How many distinct ids the set holds.
    public var count: Int { byTail.count }

    /// The shortest tail of `id` that no other id of the set ends with (case aside), at
    /// least `minimumLength` characters; the whole id when it is shorter. An id not in the
    /// set gets the tail that tells it apart from every id that is.
    public func short(_ id: String) -> String {
        let key = Array(id.utf8)
        let position = lowerBound(byTail, key, reversed: true)
        var shared = 0
        for neighbour in [position - 1, position, position + 1] where neighbour >= 0 && neighbour < byTail.count {
            let other = Int(byTail[neighbour])
            let common = commonLength(key, other, reversed: true)
            if common == key.count && length(of: other) == key.count { continue }  // the id itself
            shared = max(shared, common)
        }
        let length = min(key.count, max(Self.minimumLength, shared + 1))
        return String(decoding: key[(key.count - length)...], as: UTF8.self)
    }

    /// What `input` names.
    public enum Resolution: Sendable, Equatable {
        case found(String)
        /// Several ids fit, in order.
        case ambiguous([String])
        case notFound
        /// Shorter than `minimumLength` and not a whole id.
        case tooShort
    }

    public func resolve(_ input: String) -> Resolution {
        let text = input.trimmingCharacters(in: .whitespaces)
        if let full = ULID.normalised(text) { return .found(full) }
        let key = Array(text.utf8)
        let head = lowerBound(byHead, key, reversed: false)
        if head < byHead.count, compare(Int(byHead[head]), key, reversed: false) == 0 {
            return .found(id(Int(byHead[head])))  // a whole id that is no ULID
        }
        guard key.count >= Self.minimumLength else { return .tooShort }
        for (order, reversed) in [(byTail, true), (byHead, false)] {
            let found = matches(key, in: order, reversed: reversed)
            if found.count == 1 { return .found(id(found[0])) }
            if found.count > 1 { return .ambiguous(found.map(id).sorted()) }
        }
        return .notFound
    }

    // MARK: -

    private func id(_ index: Int) -> String {
        String(decoding: bytes[Int(starts[index])..<Int(starts[index + 1])], as: UTF8.self)
    }

    private func length(of index: Int) -> Int { Int(starts[index + 1] - starts[index]) }

    /// The ids of `order` whose text (reversed: tail) begins with `key`.
    private func matches(_ key: [UInt8], in order: [Int32], reversed: Bool) -> [Int] {
        var position = lowerBound(order, key, reversed: reversed), found: [Int] = []
        while position < order.count, commonLength(key, Int(order[position]), reversed: reversed) == key.count {
            found.append(Int(order[position]))
            position += 1
        }
        return found
    }

    /// The first position of `order` whose id does not sort before `key`.
    private func lowerBound(_ order: [Int32], _ key: [UInt8], reversed: Bool) -> Int {
        var low = 0, high = order.count
        while low < high {
            let middle = (low + high) / 2
            if compare(Int(order[middle]), key, reversed: reversed) < 0 { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// How many characters (from the end when `reversed`) `key` and id `other` share.
    private func commonLength(_ key: [UInt8], _ other: Int, reversed: Bool) -> Int {
        let start = Int(starts[other]), end = Int(starts[other + 1])
        let limit = min(key.count, end - start)
        var common = 0
        while common < limit {
            let a = reversed ? key[key.count - 1 - common] : key[common]
            let b = reversed ? bytes[end - 1 - common] : bytes[start + common]
            guard Self.fold(a) == Self.fold(b) else { break }
            common += 1
        }
        return common
    }

    private func compare(_ index: Int, _ key: [UInt8], reversed: Bool) -> Int {
        key.withUnsafeBufferPointer { keyBytes in
            bytes.withUnsafeBufferPointer { all in
                let start = Int(starts[index]), end = Int(starts[index + 1])
                return Self.compare(all, start, end, keyBytes, 0, keyBytes.count, reversed: reversed)
            }
        }
    }

    /// Three-way comparison of two byte ranges, case-folded, read backwards when `reversed`.
    private static func compare(
        _ a: UnsafeBufferPointer<UInt8>, _ aStart: Int, _ aEnd: Int,
        _ b: UnsafeBufferPointer<UInt8>, _ bStart: Int, _ bEnd: Int, reversed: Bool
    ) -> Int {
        let aCount = aEnd - aStart, bCount = bEnd - bStart
        for offset in 0..<min(aCount, bCount) {
            let x = fold(reversed ? a[aEnd - 1 - offset] : a[aStart + offset])
            let y = fold(reversed ? b[bEnd - 1 - offset] : b[bStart + offset])
            if x != y { return x < y ? -1 : 1 }
        }
        return aCount == bCount ? 0 : (aCount < bCount ? -1 : 1)
    }

    private static func fold(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte
    }

    /// Id indices in order (of their reversed text when `reversed`). Each id's first 16
    /// characters are packed into two integers that decide nearly every comparison; only
    /// ids that share all 16 are compared in full.
    private static func sorted(_ count: Int, bytes: [UInt8], starts: [Int32], reversed: Bool) -> [Int32] {
        struct Key { var high: UInt64, low: UInt64, index: Int32 }
        return bytes.withUnsafeBufferPointer { all in
            var keys = (0..<count).map { index in
                let start = Int(starts[index]), end = Int(starts[index + 1])
                var high: UInt64 = 0, low: UInt64 = 0
                for offset in 0..<16 {
                    // Past the end counts as 0, below every character: a tail sorts before a longer one.
                    let byte = offset < end - start ? UInt64(fold(reversed ? all[end - 1 - offset] : all[start + offset])) : 0
                    if offset < 8 { high = high << 8 | byte } else { low = low << 8 | byte }
                }
                return Key(high: high, low: low, index: Int32(index))
            }
            keys.sort { x, y in
                if x.high != y.high { return x.high < y.high }
                if x.low != y.low { return x.low < y.low }
                let a = Int(x.index), b = Int(y.index)
                return compare(all, Int(starts[a]), Int(starts[a + 1]), all, Int(starts[b]), Int(starts[b + 1]), reversed: reversed) < 0
            }
            return keys.map(\.index)
        }
    }

    private static func withoutRepeats(_ order: [Int32], bytes: [UInt8], starts: [Int32], reversed: Bool) -> [Int32] {
        bytes.withUnsafeBufferPointer { all in
            var kept: [Int32] = []
            kept.reserveCapacity(order.count)
            for index in order {
                if let last = kept.last,
                   compare(all, Int(starts[Int(last)]), Int(starts[Int(last) + 1]), all, Int(starts[Int(index)]),
                           Int(starts[Int(index) + 1]), reversed: reversed) == 0 { continue }
                kept.append(index)
            }
            return kept
        }
    }
}
